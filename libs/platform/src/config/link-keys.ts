import { z } from 'zod';

/** One server key that manage links are derived under. The secret never leaves the process. */
export interface LinkKey {
  id: string;
  secret: Buffer;
}

/** 256 bits: as strong as the links' own 256-bit HMAC output. */
export const MIN_LINK_KEY_BYTES = 32;

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * `LINK_KEYS`: `keyId:secret` entries separated by commas, the current key first; the rest are
 * older keys whose links still work (rotation). A secret is hex or base64/base64url of at least
 * 32 bytes. Messages name the entry by position and key id, never the secret.
 */
export const linkKeysSchema = z
  .string({ required_error: 'is required: keyId:secret, e.g. k1:<64 hex characters> (see README)' })
  .transform((raw, ctx): LinkKey[] => {
    const entries = raw
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'needs at least one keyId:secret' });
      return z.NEVER;
    }
    const keys: LinkKey[] = [];
    for (const [index, entry] of entries.entries()) {
      const problem = (message: string) =>
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `entry ${index + 1} ${message}` });
      const colon = entry.indexOf(':');
      const id = colon === -1 ? '' : entry.slice(0, colon);
      if (!KEY_ID.test(id)) {
        problem('must start with a key id (1 to 32 letters, digits, - or _) and a colon');
        continue;
      }
      if (keys.some((key) => key.id === id)) {
        problem(`repeats the key id "${id}"`);
        continue;
      }
      const secret = decodeSecret(entry.slice(colon + 1));
      if (!secret || secret.length < MIN_LINK_KEY_BYTES) {
        problem(`("${id}") needs a secret of at least ${MIN_LINK_KEY_BYTES} bytes, as hex or base64`);
        continue;
      }
      keys.push({ id, secret });
    }
    return keys;
  });

function decodeSecret(text: string): Buffer | undefined {
  if (HEX.test(text)) return Buffer.from(text, 'hex');
  if (BASE64.test(text)) return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return undefined;
}
