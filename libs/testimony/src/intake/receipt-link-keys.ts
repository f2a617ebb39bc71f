import type { Provider } from '@nestjs/common';
import { AppConfig, DerivedLinkKeys, type LinkKey } from '@roundtable/platform';

/**
 * A testimony's private receipt link, `rtr_` + HMAC(LINK_KEYS key, nonce): derived as manage
 * links are (DerivedLinkKeys), so only its hash is stored and rotating LINK_KEYS revokes it.
 */
export class ReceiptLinkKeys extends DerivedLinkKeys {
  constructor(keys: readonly LinkKey[]) {
    super('rtr_', keys);
  }
}

export const receiptLinkKeysProvider: Provider = {
  provide: ReceiptLinkKeys,
  useFactory: (config: AppConfig) => new ReceiptLinkKeys(config.get('LINK_KEYS')),
  inject: [AppConfig],
};
