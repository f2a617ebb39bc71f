import { z } from 'zod';

/** One server key from a `keyId:secret` list. The secret never leaves the process. */
export interface ServerKey {
  id: string;
  secret: Buffer;
}

/** How long a list's secrets must be, in bytes: at least `min`, and exactly `min` when `exact`. */
export interface SecretLength {
  min: number;
  exact?: boolean;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * A list of server keys in one variable: `keyId:secret` entries separated by commas, the current
 * key first; the rest are older keys still honoured (rotation). A secret is hex or
 * base64/base64url. Messages name the entry by position and key id, never the secret.
 * LINK_KEYS and TESTIMONY_KEYS are both read with it.
 */
export function serverKeysSchema(length: SecretLength, requiredMessage = 'is required') {
  const lengthRule = length.exact ? `of exactly ${length.min} bytes` : `of at least ${length.min} bytes`;
  return z.string({ required_error: requiredMessage }).transform((raw, ctx): ServerKey[] => {
    const entries = raw
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'needs at least one keyId:secret' });
      return z.NEVER;
    }
    const keys: ServerKey[] = [];
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
      const fits = secret && (length.exact ? secret.length === length.min : secret.length >= length.min);
      if (!fits) {
        problem(`("${id}") needs a secret ${lengthRule}, as hex or base64`);
        continue;
      }
      keys.push({ id, secret });
    }
    return keys;
  });
}

function decodeSecret(text: string): Buffer | undefined {
  if (HEX.test(text)) return Buffer.from(text, 'hex');
  if (BASE64.test(text)) return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return undefined;
}
