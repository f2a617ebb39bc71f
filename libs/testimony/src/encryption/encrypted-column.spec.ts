import { randomBytes } from 'node:crypto';
import { TamperedSealedValue } from './cipher-errors';
import { EncryptedColumn } from './encrypted-column';
import { FieldCipher } from './field-cipher';

describe('EncryptedColumn', () => {
  const k1 = { id: 'k1', secret: randomBytes(32) };
  const k2 = { id: 'k2', secret: randomBytes(32) };
  const cipher = new FieldCipher([k1]);
  const NAME = new EncryptedColumn('testimonies', 'name');
  const EMAIL = new EncryptedColumn('testimonies', 'email');
  const rowId = '0b6a0d51-0000-4000-8000-000000000001';

  it('seals and opens a value bound to its table, column and row', () => {
    const sealed = NAME.seal(cipher, rowId, 'Sam Jones');
    expect(sealed).not.toContain('Sam');
    expect(NAME.open(cipher, rowId, sealed)).toBe('Sam Jones');
    expect(cipher.decrypt(sealed, { table: 'testimonies', column: 'name', rowId })).toBe('Sam Jones');
  });

  it('will not open one column’s value as another’s, or another row’s', () => {
    const sealed = NAME.seal(cipher, rowId, 'Sam Jones');
    expect(() => EMAIL.open(cipher, rowId, sealed)).toThrow(TamperedSealedValue);
    expect(() => NAME.open(cipher, 'another-row', sealed)).toThrow(TamperedSealedValue);
  });

  it('keeps null as null, for fields people leave out', () => {
    expect(NAME.seal(cipher, rowId, null)).toBeNull();
    expect(NAME.open(cipher, rowId, null)).toBeNull();
    expect(NAME.reencrypt(cipher, rowId, null)).toBeNull();
  });

  it('re-encrypts a stored value under the current key', () => {
    const rotated = new FieldCipher([k2, k1]);
    const sealed = NAME.seal(cipher, rowId, 'Sam Jones');
    const moved = NAME.reencrypt(rotated, rowId, sealed);
    expect(moved).toMatch(/^v1\.k2\./);
    expect(NAME.open(new FieldCipher([k2]), rowId, moved)).toBe('Sam Jones');
  });
});
