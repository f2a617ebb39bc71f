import { createHmac, randomBytes } from 'node:crypto';
import { hashSecretToken, type LinkKey } from '@roundtable/platform';

/** What a registration row keeps of its manage link: enough to rebuild it with the server key. */
export interface LinkSeed {
  linkNonce: string;
  linkKeyId: string;
}

/** A new registration's seed, and the hash its link is looked up by. */
export interface NewLinkSeed extends LinkSeed {
  manageTokenHash: string;
}

/** The row's link was made under a key that LINK_KEYS no longer lists (rotated out). */
export class UnknownLinkKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no link key "${keyId}" in LINK_KEYS`);
  }
}

/**
 * Private manage links derived from a server key, so that no table holds a raw token: a row keeps
 * a random nonce, the id of the key it was made under and the SHA-256 of the token (the lookup);
 * the token, `rtm_` + base64url(HMAC-SHA256(key, nonce)), is rebuilt whenever a message needs it.
 * Same shape as a random token (43 base64url characters, 256 bits), so links keep their form.
 *
 * The first key is the current one (new links); older ones still derive the links made under
 * them, until they are taken out of LINK_KEYS (see README, "Rotating LINK_KEYS").
 */
export class ManageLinkKeys {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly currentId: string;

  constructor(keys: readonly LinkKey[]) {
    if (keys.length === 0) throw new Error('ManageLinkKeys needs at least one key');
    this.byId = new Map(keys.map((key) => [key.id, key.secret]));
    this.currentId = keys[0].id;
  }

  /** A fresh seed under the current key. */
  newSeed(): NewLinkSeed {
    const seed = { linkNonce: randomBytes(32).toString('base64url'), linkKeyId: this.currentId };
    return { ...seed, manageTokenHash: hashSecretToken(this.tokenFor(seed)) };
  }

  /** The link's token; throws UnknownLinkKeyError when its key has been rotated out. */
  tokenFor(seed: LinkSeed): string {
    const secret = this.byId.get(seed.linkKeyId);
    if (!secret) throw new UnknownLinkKeyError(seed.linkKeyId);
    return `rtm_${createHmac('sha256', secret).update(seed.linkNonce).digest('base64url')}`;
  }

  /**
   * True when the row's link was made under a key since taken out of LINK_KEYS: that link no
   * longer opens anything, so taking a leaked key out revokes every link made under it. A row
   * from before derived links (no key id) is not revoked: its old link works until it is re-seeded.
   */
  isRevoked(seed: { linkKeyId?: string | null }): boolean {
    return Boolean(seed.linkKeyId) && !this.byId.has(seed.linkKeyId!);
  }

  /** True when the seed's key is still listed, so its link can be rebuilt. */
  canDerive(seed: { linkNonce?: string | null; linkKeyId?: string | null }): seed is LinkSeed {
    return Boolean(seed.linkNonce && seed.linkKeyId && this.byId.has(seed.linkKeyId));
  }
}
