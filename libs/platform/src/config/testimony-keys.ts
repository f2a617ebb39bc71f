import { serverKeysSchema, type ServerKey } from './server-keys';

/** One AES-256 key that testimony fields are encrypted under. The secret never leaves the process. */
export type TestimonyKey = ServerKey;

/** AES-256 takes a key of exactly 256 bits: a longer secret is refused, not cut short. */
export const TESTIMONY_KEY_BYTES = 32;

/**
 * `TESTIMONY_KEYS`: `keyId:secret` entries separated by commas, the current key first (new values
 * are encrypted under it); the rest are older keys whose values can still be read until they are
 * re-encrypted. Each secret is exactly 32 bytes, base64 (`openssl rand -base64 32`) or hex.
 * Optional until testimony is collected: nothing reads it yet (see README, "Testimony keys").
 */
export const testimonyKeysSchema = serverKeysSchema({ min: TESTIMONY_KEY_BYTES, exact: true });
