import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TESTIMONY_KEY_BYTES, type TestimonyKey } from '@roundtable/platform';
import {
  MalformedSealedValue,
  TamperedSealedValue,
  TestimonyKeysNotSet,
  UnknownTestimonyKey,
} from './cipher-errors';
import { checkFieldAddress, type FieldAddress } from './field-address';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
/** 96 bits, GCM's own size: a fresh random one for every value, never reused under one key. */
const IV_BYTES = 12;
/** The full 128-bit tag. Node accepts shorter tags unless told the length, so it always is. */
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Encrypts one field of one row (a story, a name, an email, a staff note) with AES-256-GCM under
 * a key from TESTIMONY_KEYS. A stored value is one text column:
 *
 *   v1.<keyId>.<iv>.<tag>.<ciphertext>      (iv, tag and ciphertext in unpadded base64url)
 *
 * `keyId` names the key it was sealed under, so keys can rotate: the first listed key seals, every
 * listed key opens. The associated data is the UTF-8 JSON of
 * `["v1", keyId, table, column, rowId]`: the version, the key id and the field's address are
 * authenticated with the ciphertext, so none of them can be changed, and the value cannot be moved
 * to another row or field, without opening failing. (Not a TypeORM ValueTransformer for that
 * reason: a transformer sees the value alone, never its row. See EncryptedColumn.)
 *
 * The ciphertext is as long as the text's UTF-8 bytes: lengths are not hidden.
 */
export class FieldCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: readonly TestimonyKey[]) {
    if (keys.length === 0) throw new TestimonyKeysNotSet();
    for (const key of keys) {
      if (!KEY_ID.test(key.id))
        throw new Error(`testimony key id "${key.id}" must be 1 to 32 letters, digits, - or _`);
      if (key.secret.length !== TESTIMONY_KEY_BYTES) {
        throw new Error(`testimony key "${key.id}" must be exactly ${TESTIMONY_KEY_BYTES} bytes`);
      }
    }
    this.keys = new Map(keys.map((key) => [key.id, key.secret]));
    if (this.keys.size !== keys.length) throw new Error('testimony key ids must differ');
    this.currentKeyId = keys[0].id;
  }

  /** The cipher for the configured keys (AppConfig's TESTIMONY_KEYS), or TestimonyKeysNotSet. */
  static fromConfiguredKeys(keys: readonly TestimonyKey[] | undefined): FieldCipher {
    return new FieldCipher(keys ?? []);
  }

  /** The text sealed under the current key with a fresh IV, bound to its address. */
  encrypt(plaintext: string, at: FieldAddress): string {
    checkFieldAddress(at);
    const keyId = this.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(keyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(keyId, at));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((bytes) => bytes.toString('base64url'));
    return [VERSION, keyId, ...parts].join('.');
  }

  /**
   * The text, after checking it was sealed by us, for this address, and not changed since.
   * Throws MalformedSealedValue, UnknownTestimonyKey or TamperedSealedValue.
   */
  decrypt(sealed: string, at: FieldAddress): string {
    checkFieldAddress(at);
    const { keyId, iv, tag, ciphertext } = parseSealed(sealed, at);
    const key = this.keys.get(keyId);
    if (!key) throw new UnknownTestimonyKey(keyId, at);
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId, at));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new TamperedSealedValue(at);
    }
  }

  /**
   * The value under the current key, for rotation: opened (so a tampered value is reported, not
   * sealed afresh) and, when it was under an older key, sealed again with a fresh IV at the same
   * address. A value already under the current key comes back unchanged, so a caller writes only
   * the rows whose value changed.
   */
  reencrypt(sealed: string, at: FieldAddress): string {
    const plaintext = this.decrypt(sealed, at);
    return parseSealed(sealed, at).keyId === this.currentKeyId ? sealed : this.encrypt(plaintext, at);
  }
}

function associatedData(keyId: string, at: FieldAddress): Buffer {
  return Buffer.from(JSON.stringify([VERSION, keyId, at.table, at.column, at.rowId]), 'utf8');
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function parseSealed(sealed: string, at: FieldAddress): SealedParts {
  const malformed = (problem: string) => new MalformedSealedValue(problem, at);
  if (typeof sealed !== 'string') throw malformed('not text');
  const parts = sealed.split('.');
  if (parts.length !== 5) throw malformed(`${parts.length} dot-separated parts, not 5`);
  const [version, keyId, ...encoded] = parts;
  if (version !== VERSION) throw malformed(`unknown version (expected ${VERSION})`);
  if (!KEY_ID.test(keyId)) throw malformed('the key id is not a key id');
  const [iv, tag, ciphertext] = encoded.map((text, index) => {
    const bytes = Buffer.from(text, 'base64url');
    // Strict: Buffer.from skips characters it does not know, so check the text decodes exactly.
    if (!BASE64URL.test(text) || bytes.toString('base64url') !== text) {
      throw malformed(`its ${['iv', 'tag', 'ciphertext'][index]} is not unpadded base64url`);
    }
    return bytes;
  });
  if (iv.length !== IV_BYTES) throw malformed(`an iv of ${iv.length} bytes, not ${IV_BYTES}`);
  if (tag.length !== TAG_BYTES) throw malformed(`a tag of ${tag.length} bytes, not ${TAG_BYTES}`);
  return { keyId, iv, tag, ciphertext };
}
