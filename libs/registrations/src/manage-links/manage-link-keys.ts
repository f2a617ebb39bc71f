import { DerivedLinkKeys, type LinkKey } from '@roundtable/platform';

// Kept here too, so code that imported it from registrations keeps working.
export { UnknownLinkKeyError } from '@roundtable/platform';

/** What a registration row keeps of its manage link: enough to rebuild it with the server key. */
export interface LinkSeed {
  linkNonce: string;
  linkKeyId: string;
}

/** A new registration's seed, and the hash its link is looked up by. */
export interface NewLinkSeed extends LinkSeed {
  manageTokenHash: string;
}

/**
 * A registration's private manage link: `rtm_` + base64url(HMAC-SHA256(key, nonce)), derived by
 * the platform's DerivedLinkKeys (see there for how links are made, rotated and revoked). This
 * class only names the registration row's columns.
 */
export class ManageLinkKeys {
  private readonly links: DerivedLinkKeys;

  constructor(keys: readonly LinkKey[]) {
    this.links = new DerivedLinkKeys('rtm_', keys);
  }

  /** A fresh seed under the current key. */
  newSeed(): NewLinkSeed {
    const { nonce, keyId, tokenHash } = this.links.newSeed();
    return { linkNonce: nonce, linkKeyId: keyId, manageTokenHash: tokenHash };
  }

  /** The link's token; throws UnknownLinkKeyError when its key has been rotated out. */
  tokenFor(seed: LinkSeed): string {
    return this.links.tokenFor({ nonce: seed.linkNonce, keyId: seed.linkKeyId });
  }

  /**
   * True when the row's link was made under a key since taken out of LINK_KEYS. A row from before
   * derived links (no key id) is not revoked: its old link works until it is re-seeded.
   */
  isRevoked(seed: { linkKeyId?: string | null }): boolean {
    return this.links.isRevoked(seed.linkKeyId);
  }

  /** True when the seed's key is still listed, so its link can be rebuilt. */
  canDerive(seed: { linkNonce?: string | null; linkKeyId?: string | null }): seed is LinkSeed {
    return this.links.canDerive({ nonce: seed.linkNonce, keyId: seed.linkKeyId });
  }
}
