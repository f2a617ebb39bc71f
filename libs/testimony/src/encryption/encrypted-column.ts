import type { FieldCipher } from './field-cipher';

/**
 * One encrypted text column of an entity, named once where the entity is, so every write and
 * read of it binds the value to the same table, column and row. Entities to come keep the
 * sealed text in a plain `text` column and give a row its uuid before it is first saved
 * (`randomUUID()`), since the id is part of what is sealed:
 *
 *   const STORY = new EncryptedColumn('testimonies', 'story');
 *   row.story = STORY.seal(cipher, row.id, story);      // before save
 *   const story = STORY.open(cipher, row.id, row.story); // after load, staff reads only
 *
 * Null stays null, for the optional fields (a name or an email given only if people choose).
 */
export class EncryptedColumn {
  constructor(
    readonly table: string,
    readonly column: string,
  ) {}

  seal(cipher: FieldCipher, rowId: string, plaintext: string): string;
  seal(cipher: FieldCipher, rowId: string, plaintext: string | null): string | null;
  seal(cipher: FieldCipher, rowId: string, plaintext: string | null): string | null {
    return plaintext === null ? null : cipher.encrypt(plaintext, this.at(rowId));
  }

  open(cipher: FieldCipher, rowId: string, sealed: string): string;
  open(cipher: FieldCipher, rowId: string, sealed: string | null): string | null;
  open(cipher: FieldCipher, rowId: string, sealed: string | null): string | null {
    return sealed === null ? null : cipher.decrypt(sealed, this.at(rowId));
  }

  /** The stored value under the current key (unchanged when it already is), for rotation. */
  reencrypt(cipher: FieldCipher, rowId: string, sealed: string | null): string | null {
    return sealed === null ? null : cipher.reencrypt(sealed, this.at(rowId));
  }

  private at(rowId: string) {
    return { table: this.table, column: this.column, rowId };
  }
}
