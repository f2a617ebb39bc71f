import { serverKeysSchema, type ServerKey } from './server-keys';

/** One server key that manage links are derived under. The secret never leaves the process. */
export type LinkKey = ServerKey;

/** 256 bits: as strong as the links' own 256-bit HMAC output. */
export const MIN_LINK_KEY_BYTES = 32;

/**
 * `LINK_KEYS`: `keyId:secret` entries separated by commas, the current key first; the rest are
 * older keys whose links still work (rotation). A secret is hex or base64/base64url of at least
 * 32 bytes (see server-keys.ts).
 */
export const linkKeysSchema = serverKeysSchema(
  { min: MIN_LINK_KEY_BYTES },
  'is required: keyId:secret, e.g. k1:<64 hex characters> (see README)',
);
