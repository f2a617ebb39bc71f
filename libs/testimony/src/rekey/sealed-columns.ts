import type { EncryptedColumn } from '../encryption/encrypted-column';
import { ROWS_SEALED } from '../imports/testimony-import.entity';
import { NOTE_BODY_SEALED } from '../testimonies/testimony-note.entity';
import {
  EMAIL_SEALED,
  NAME_SEALED,
  REDACTED_STORY_SEALED,
  STORY_SEALED,
} from '../testimonies/testimony.entity';

/**
 * Every sealed column in the database: what key rotation re-encrypts and what the protection test
 * reads raw. A new sealed column is one line here. Each table must key its rows by a uuid `id`,
 * the row id its values are bound to.
 */
export const SEALED_COLUMNS: readonly EncryptedColumn[] = [
  STORY_SEALED,
  REDACTED_STORY_SEALED,
  NAME_SEALED,
  EMAIL_SEALED,
  NOTE_BODY_SEALED,
  ROWS_SEALED,
];
