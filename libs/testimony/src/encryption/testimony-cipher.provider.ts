import type { Provider } from '@nestjs/common';
import { AppConfig } from '@roundtable/platform';
import { FieldCipher } from './field-cipher';

/**
 * The one FieldCipher of a process, under TESTIMONY_KEYS. Built at boot, so an api or worker
 * without keys refuses to start (TestimonyKeysNotSet) instead of failing the first person who
 * tells us their story.
 */
export const testimonyCipherProvider: Provider = {
  provide: FieldCipher,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => FieldCipher.fromConfiguredKeys(config.get('TESTIMONY_KEYS')),
};
