import type { Provider } from '@nestjs/common';
import { AppConfig, DerivedLinkKeys, type LinkKey } from '@roundtable/platform';

/**
 * A set-password link, `rtp_` + HMAC(LINK_KEYS key, nonce): derived as manage links are, so the
 * table keeps only its hash and the worker rebuilds the token for the email.
 */
export class PasswordLinkKeys extends DerivedLinkKeys {
  constructor(keys: readonly LinkKey[]) {
    super('rtp_', keys);
  }
}

export const passwordLinkKeysProvider: Provider = {
  provide: PasswordLinkKeys,
  useFactory: (config: AppConfig) => new PasswordLinkKeys(config.get('LINK_KEYS')),
  inject: [AppConfig],
};
