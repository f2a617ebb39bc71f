import { createDecipheriv, randomBytes } from 'node:crypto';
import type { TestimonyKey } from '@roundtable/platform';
import {
  MalformedSealedValue,
  SealedValueError,
  TamperedSealedValue,
  TestimonyKeysNotSet,
  UnknownTestimonyKey,
} from './cipher-errors';
import type { FieldAddress } from './field-address';
import { FieldCipher } from './field-cipher';

const key = (id: string): TestimonyKey => ({ id, secret: randomBytes(32) });
const k1 = key('k1');
const k2 = key('k2');
const story: FieldAddress = {
  table: 'testimonies',
  column: 'story',
  rowId: '6f1c2a3e-0000-4000-8000-000000000001',
};
const STORY_TEXT =
  'My son waited 61 weeks for his EHC plan.\nThe school said “wait and see” — Année scolaire 2025 👪';

/** The five parts of a sealed value, to tamper with one at a time. */
function parts(sealed: string): string[] {
  return sealed.split('.');
}

/** The same bytes with one bit flipped, re-encoded as the layout writes them. */
function flipBit(encoded: string, byteIndex = 0): string {
  const bytes = Buffer.from(encoded, 'base64url');
  bytes[byteIndex] ^= 0x01;
  return bytes.toString('base64url');
}

function caught(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher([k1]);

  describe('round trip', () => {
    it.each([
      ['a story with line breaks, accents and emoji', STORY_TEXT],
      ['an empty string', ''],
      ['a name', "Sam O'Neill"],
      ['a long story', 'I waited. '.repeat(100_000)],
    ])('gives back %s', (_label, text) => {
      expect(cipher.decrypt(cipher.encrypt(text, story), story)).toBe(text);
    });

    it('writes v1.<keyId>.<12-byte iv>.<16-byte tag>.<ciphertext>, in unpadded base64url', () => {
      const sealed = cipher.encrypt(STORY_TEXT, story);
      expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      const [, , iv, tag, ciphertext] = parts(sealed);
      expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
      expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
      expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(Buffer.byteLength(STORY_TEXT));
    });

    it('is AES-256-GCM with the documented associated data, so another tool can read it with the key', () => {
      const [, keyId, iv, tag, ciphertext] = parts(cipher.encrypt(STORY_TEXT, story));
      const decipher = createDecipheriv('aes-256-gcm', k1.secret, Buffer.from(iv, 'base64url'), {
        authTagLength: 16,
      });
      decipher.setAAD(Buffer.from(JSON.stringify(['v1', keyId, story.table, story.column, story.rowId])));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const opened = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
      expect(opened.toString('utf8')).toBe(STORY_TEXT);
    });
  });

  describe('a fresh IV for every value', () => {
    it('seals the same text at the same address differently each time', () => {
      const first = cipher.encrypt(STORY_TEXT, story);
      const second = cipher.encrypt(STORY_TEXT, story);
      expect(first).not.toBe(second);
      expect(parts(first)[2]).not.toBe(parts(second)[2]);
      expect(parts(first)[4]).not.toBe(parts(second)[4]);
    });

    it('never repeats an IV over many values', () => {
      const ivs = new Set(Array.from({ length: 2000 }, () => parts(cipher.encrypt('same', story))[2]));
      expect(ivs.size).toBe(2000);
    });
  });

  describe('no plaintext in what is stored', () => {
    it.each([
      ['the text', (text: string) => text],
      ['its base64', (text: string) => Buffer.from(text).toString('base64').slice(0, 16)],
      ['its base64url', (text: string) => Buffer.from(text).toString('base64url').slice(0, 16)],
      ['its hex', (text: string) => Buffer.from(text).toString('hex').slice(0, 16)],
    ])('holds neither the story nor %s', (_label, encode) => {
      const sealed = cipher.encrypt(STORY_TEXT, story);
      expect(sealed).not.toContain(encode(STORY_TEXT));
      expect(sealed).not.toContain(encode('EHC plan'));
    });

    it('says nothing of the value or the text in its errors, only the key id and the address', () => {
      const sealed = cipher.encrypt(STORY_TEXT, story);
      const [v, id, iv, tag, ciphertext] = parts(sealed);
      const errors = [
        caught(() => cipher.decrypt([v, id, iv, tag, flipBit(ciphertext)].join('.'), story)),
        caught(() => cipher.decrypt([v, 'gone', iv, tag, ciphertext].join('.'), story)),
        caught(() => cipher.decrypt([v, id, iv, tag.slice(0, 10), ciphertext].join('.'), story)),
      ];
      for (const error of errors) {
        expect(error.message).toContain(`testimonies.story of row ${story.rowId}`);
        for (const secretish of [STORY_TEXT.slice(0, 10), iv, tag, ciphertext.slice(0, 10)]) {
          expect(error.message).not.toContain(secretish);
        }
      }
    });
  });

  describe('tampering fails with a typed error', () => {
    const sealed = cipher.encrypt(STORY_TEXT, story);
    const [v, id, iv, tag, ciphertext] = parts(sealed);

    it.each([
      ['a bit of the iv', [v, id, flipBit(iv), tag, ciphertext]],
      ['a bit of the tag', [v, id, iv, flipBit(tag, 15), ciphertext]],
      ['a bit of the ciphertext', [v, id, iv, tag, flipBit(ciphertext, 5)]],
      [
        'the ciphertext cut short',
        [v, id, iv, tag, Buffer.from(ciphertext, 'base64url').subarray(1).toString('base64url')],
      ],
    ])('refuses a value with %s changed', (_label, altered) => {
      const error = caught(() => cipher.decrypt(altered.join('.'), story));
      expect(error).toBeInstanceOf(TamperedSealedValue);
      expect(error).toBeInstanceOf(SealedValueError);
      expect((error as TamperedSealedValue).at).toEqual(story);
    });

    it.each([
      ['another row', { ...story, rowId: '6f1c2a3e-0000-4000-8000-000000000002' }],
      ['another field of the same row', { ...story, column: 'staff_note' }],
      ['the same column of another table', { ...story, table: 'casework_referrals' }],
    ])('refuses a value moved to %s (the associated data binds it)', (_label, elsewhere) => {
      expect(() => cipher.decrypt(sealed, elsewhere)).toThrow(TamperedSealedValue);
    });

    it('refuses a value whose key id was changed to another listed key', () => {
      const both = new FieldCipher([k2, k1]);
      expect(() => both.decrypt([v, 'k2', iv, tag, ciphertext].join('.'), story)).toThrow(
        TamperedSealedValue,
      );
    });

    it.each([
      [
        'a shortened (4-byte) tag, which GCM would otherwise accept',
        [v, id, iv, Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url'), ciphertext],
        /a tag of 4 bytes/,
      ],
      [
        'an iv of 16 bytes',
        [v, id, Buffer.alloc(16).toString('base64url'), tag, ciphertext],
        /an iv of 16 bytes/,
      ],
      ['another version', ['v2', id, iv, tag, ciphertext], /unknown version/],
      ['a part missing', [v, id, iv, tag], /4 dot-separated parts/],
      ['padding', [v, id, iv, `${tag}==`, ciphertext], /tag is not unpadded base64url/],
      [
        'characters outside base64url',
        [v, id, iv, tag, `${ciphertext}!`],
        /ciphertext is not unpadded base64url/,
      ],
      ['no key id', [v, '', iv, tag, ciphertext], /key id/],
    ])('refuses %s as malformed', (_label, altered, problem) => {
      const error = caught(() => cipher.decrypt(altered.join('.'), story));
      expect(error).toBeInstanceOf(MalformedSealedValue);
      expect(error.message).toMatch(problem);
    });

    it('refuses plain text where a sealed value should be', () => {
      expect(() => cipher.decrypt(STORY_TEXT, story)).toThrow(MalformedSealedValue);
    });
  });

  describe('rotation', () => {
    const before = new FieldCipher([k1]);
    const during = new FieldCipher([k2, k1]);
    const after = new FieldCipher([k2]);

    it('reads a value sealed under an older listed key, and seals new ones under the first key', () => {
      const old = before.encrypt(STORY_TEXT, story);
      expect(during.decrypt(old, story)).toBe(STORY_TEXT);
      expect(during.currentKeyId).toBe('k2');
      expect(during.encrypt(STORY_TEXT, story)).toMatch(/^v1\.k2\./);
    });

    it('reencrypt moves a value to the current key with a fresh IV, at the same address', () => {
      const old = before.encrypt(STORY_TEXT, story);
      const moved = during.reencrypt(old, story);
      expect(moved).toMatch(/^v1\.k2\./);
      expect(parts(moved)[2]).not.toBe(parts(old)[2]);
      expect(after.decrypt(moved, story)).toBe(STORY_TEXT);
      expect(() => after.decrypt(moved, { ...story, rowId: 'another' })).toThrow(TamperedSealedValue);
    });

    it('reencrypt leaves a value already under the current key as it is, so nothing is rewritten', () => {
      const current = during.encrypt(STORY_TEXT, story);
      expect(during.reencrypt(current, story)).toBe(current);
    });

    it('reencrypt reports a tampered value instead of sealing it afresh', () => {
      const [v, id, iv, tag, ciphertext] = parts(before.encrypt(STORY_TEXT, story));
      const altered = [v, id, iv, tag, flipBit(ciphertext)].join('.');
      expect(() => during.reencrypt(altered, story)).toThrow(TamperedSealedValue);
      const alteredCurrent = parts(during.encrypt(STORY_TEXT, story));
      alteredCurrent[4] = flipBit(alteredCurrent[4]);
      expect(() => during.reencrypt(alteredCurrent.join('.'), story)).toThrow(TamperedSealedValue);
    });

    it('names the key when a value is under a key no longer listed', () => {
      const old = before.encrypt(STORY_TEXT, story);
      const error = caught(() => after.decrypt(old, story));
      expect(error).toBeInstanceOf(UnknownTestimonyKey);
      expect((error as UnknownTestimonyKey).keyId).toBe('k1');
      expect(error.message).toMatch(/key "k1", which TESTIMONY_KEYS does not list/);
      expect(() => after.reencrypt(old, story)).toThrow(UnknownTestimonyKey);
    });
  });

  describe('keys and addresses', () => {
    it('needs TESTIMONY_KEYS set before anything is sealed or read', () => {
      expect(() => FieldCipher.fromConfiguredKeys(undefined)).toThrow(TestimonyKeysNotSet);
      expect(FieldCipher.fromConfiguredKeys([k1]).currentKeyId).toBe('k1');
    });

    it.each([
      ['a key that is not 32 bytes', [{ id: 'k1', secret: randomBytes(16) }], /exactly 32 bytes/],
      ['a key id with a dot, the layout’s separator', [{ id: 'k.1', secret: randomBytes(32) }], /key id/],
      ['two keys with one id', [k1, { id: 'k1', secret: randomBytes(32) }], /must differ/],
    ])('refuses %s', (_label, keys, message) => {
      expect(() => new FieldCipher(keys)).toThrow(message);
    });

    it.each(['table', 'column', 'rowId'] as const)('refuses to seal at an address without its %s', (part) => {
      expect(() => cipher.encrypt('text', { ...story, [part]: '' })).toThrow(`needs its ${part}`);
    });
  });
});
