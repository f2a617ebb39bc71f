import type { Provider } from '@nestjs/common';
import { AppConfig } from '@roundtable/platform';
import { ManageLinkKeys } from './manage-link-keys';

/** The keys from LINK_KEYS, validated at boot (see env.schema.ts). */
export const manageLinkKeysProvider: Provider = {
  provide: ManageLinkKeys,
  useFactory: (config: AppConfig) => new ManageLinkKeys(config.get('LINK_KEYS')),
  inject: [AppConfig],
};
