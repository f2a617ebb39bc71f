import { createHmac, randomBytes } from 'node:crypto';
import type { LinkKey } from '../config/link-keys';
import { hashSecretToken } from '../secret-token';

/** What a row keeps of its private link: enough to rebuild it with the server key. */
export interface DerivedLinkSeed {
  nonce: string;
  keyId: string;
}

/** A new row's seed, and the hash its link is looked up by. */
export interface NewDerivedLinkSeed extends DerivedLinkSeed {
  tokenHash: string;
}

/** The row's link was made under a key that LINK_KEYS no longer lists (rotated out). */
export class UnknownLinkKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no link key "${keyId}" in LINK_KEYS`);
  }
}

/**
 * Private links derived from a server key, so that no table holds a raw token: a row keeps a
 * random nonce, the id of the key it was made under and the SHA-256 of the token (the lookup);
 * the token, `<prefix>` + base64url(HMAC-SHA256(key, nonce)), is rebuilt whenever a message needs
 * it (43 base64url characters, 256 bits). The prefix tells one kind of link from another
 * (`rtm_` a registration's manage link, `rtr_` a testimony receipt).
 *
 * The first key is the current one (new links); older ones still derive the links made under
 * them, until they are taken out of LINK_KEYS (see README, "Rotating LINK_KEYS").
 */
export class DerivedLinkKeys {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly currentId: string;
  private readonly shape: RegExp;

  constructor(
    readonly prefix: string,
    keys: readonly LinkKey[],
  ) {
    if (keys.length === 0) throw new Error('DerivedLinkKeys needs at least one key');
    if (!/^[a-z]+_$/.test(prefix))
      throw new Error(`link prefix "${prefix}" must be lower-case letters and _`);
    this.byId = new Map(keys.map((key) => [key.id, key.secret]));
    this.currentId = keys[0].id;
    this.shape = new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`);
  }

  /** A fresh seed under the current key. */
  newSeed(): NewDerivedLinkSeed {
    const seed = { nonce: randomBytes(32).toString('base64url'), keyId: this.currentId };
    return { ...seed, tokenHash: hashSecretToken(this.tokenFor(seed)) };
  }

  /** The link's token; throws UnknownLinkKeyError when its key has been rotated out. */
  tokenFor(seed: DerivedLinkSeed): string {
    const secret = this.byId.get(seed.keyId);
    if (!secret) throw new UnknownLinkKeyError(seed.keyId);
    return `${this.prefix}${createHmac('sha256', secret).update(seed.nonce).digest('base64url')}`;
  }

  /** True when the token has this kind of link's shape (checked before any database query). */
  hasShape(token: string): boolean {
    return this.shape.test(token);
  }

  /**
   * True when a link was made under a key since taken out of LINK_KEYS: it no longer opens
   * anything, so taking a leaked key out revokes every link made under it. No key id (a row from
   * before derived links) is not revoked.
   */
  isRevoked(keyId: string | null | undefined): boolean {
    return Boolean(keyId) && !this.byId.has(keyId!);
  }

  /** True when the seed's key is still listed, so its link can be rebuilt. */
  canDerive(seed: { nonce?: string | null; keyId?: string | null }): seed is DerivedLinkSeed {
    return Boolean(seed.nonce && seed.keyId && this.byId.has(seed.keyId));
  }
}
