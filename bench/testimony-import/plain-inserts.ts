import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { SurveyResponse } from '../../test/support/survey-export';

/**
 * The baseline's database half: the same rows as plain multi-row INSERTs (500 a statement, one
 * transaction) into a copy of the testimonies table, with the story as plain text: no mapping,
 * no checks, no encryption, no themes. Seconds taken.
 */
export async function insertPlainRows(
  databaseUrl: string,
  responses: readonly SurveyResponse[],
): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_plain_testimonies (LIKE testimonies INCLUDING DEFAULTS)');
    const rows = responses.filter((response) => response.story);
    const started = process.hrtime.bigint();
    await client.query('BEGIN');
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const values: unknown[] = [];
      const tuples = chunk.map((response, index) => {
        values.push(
          randomUUID(),
          String(response.story),
          `forms:plain:${String(response.externalId)}`,
          response.submittedAt,
        );
        const at = index * 4;
        return `($${at + 1}, 'import', 'other', $${at + 2}, 'office-only', $${at + 3}, $${at + 4})`;
      });
      await client.query(
        `INSERT INTO bench_plain_testimonies (id, source, role, story, quote_consent, external_ref, submitted_at) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
    await client.query('COMMIT');
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await client.end();
  }
}
