import { randomBytes, randomUUID } from 'node:crypto';
import {
  EXAMPLE_SURVEY_HEADERS,
  FieldCipher,
  headerFingerprint,
  ROWS_SEALED,
  TestimonyImport,
  type ImportMapping,
} from '@roundtable/testimony';
import type { DataSource } from 'typeorm';
// By path: the platform index would validate the whole config.
import { testimonyKeysSchema } from '../../../libs/platform/src/config/testimony-keys';

const HEADERS = Object.values(EXAMPLE_SURVEY_HEADERS);

/** A valid mapping of the seeded import: every field to the column of its example header. */
export const SURVEY_IMPORT_MAPPING: ImportMapping = { columns: { ...EXAMPLE_SURVEY_HEADERS }, answers: [] };

/**
 * A survey import as an upload leaves it, already mapped, so its preview and commit can accept:
 * one anonymous response with a response ID of its own (so each world's commit imports it).
 */
export async function seedSurveyImport(dataSource: DataSource): Promise<string> {
  const cipher = new FieldCipher(testimonyKeysSchema.parse(process.env.TESTIMONY_KEYS));
  const cells = HEADERS.map((header) => {
    if (header === EXAMPLE_SURVEY_HEADERS.externalId) return randomBytes(6).toString('hex');
    if (header === EXAMPLE_SURVEY_HEADERS.email) return 'anonymous';
    if (header === EXAMPLE_SURVEY_HEADERS.story) return 'We waited a year for the plan.';
    return '';
  });
  const id = randomUUID();
  await dataSource.getRepository(TestimonyImport).insert({
    id,
    status: 'parsed',
    format: 'xlsx',
    fingerprint: headerFingerprint(HEADERS),
    headers: HEADERS,
    rowCount: 1,
    rows: ROWS_SEALED.seal(cipher, id, JSON.stringify([{ row: 2, cells }])),
    mapping: SURVEY_IMPORT_MAPPING,
    // Far ahead: the suite's clock may move, and an import past its day answers 410.
    expiresAt: new Date('2100-01-01T00:00:00Z'),
  });
  return id;
}
