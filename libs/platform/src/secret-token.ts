import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret (256 bits) for bearer tokens and private links. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are high-entropy, so a fast hash is enough to store them safely (unlike passwords). */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
