import type { LoggerService } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import {
  FieldCipher,
  REDACTED_STORY_SEALED,
  TestimonyRekey,
  TestimonyRetention,
  TestimonyWriter,
} from '@roundtable/testimony';
import request from 'supertest';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import {
  addSealedNote,
  newTestimony,
  themeId,
  writeTestimonies,
} from '../../../../test/support/testimony-seed';

/** Words that appear only in what people told us: none may be found outside its sealed value. */
const STORY = 'Zebedee waited 73 weeks for his EHC plan at Quarrybank Primary; the school said no.';
const REDACTED = 'Zebedee waited 73 weeks for his EHC plan at [school]; the school said no.';
const NAME = 'Perpetua Wigglesworth';
const EMAIL = 'perpetua.wigglesworth@marmalade.example';
const NOTE = 'Rang Perpetua back about Quarrybank on Tuesday.';
const MARKERS = ['Zebedee', 'Quarrybank', 'Wigglesworth', 'Perpetua', 'marmalade', '73 weeks'];

interface Finding {
  table: string;
  marker: string;
}

/**
 * Every row of every table in every schema of the database, cast to text and searched for the
 * markers (case-insensitively). Read from pg_catalog, so a table added later is searched too.
 */
async function plaintextFindings(api: TestApi): Promise<{ tables: string[]; findings: Finding[] }> {
  const tables: { schema: string; name: string }[] = await api.dataSource.query(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
      ORDER BY 1, 2`,
  );
  const findings: Finding[] = [];
  for (const { schema, name } of tables) {
    const relation = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    for (const marker of MARKERS) {
      const [{ found }] = await api.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM ${relation} AS row WHERE strpos(lower(row::text), lower($1)) > 0) AS found`,
        [marker],
      );
      if (found) findings.push({ table: `${schema}.${name}`, marker });
    }
  }
  return { tables: tables.map(({ schema, name }) => `${schema}.${name}`), findings };
}

/**
 * The design's promise that testimony is encrypted at rest, checked from outside: after a
 * submission through the public route and stories, names, emails, a redaction and staff notes
 * written through TestimonyWriter (then rotated and swept), no table holds any of their words, and
 * nothing the app logged through Nest's logger does either. (pino-http's request lines go to fd 1
 * apart from that logger; they carry ids and redacted URLs only: see request-logging.int-spec.)
 */
describe('testimony protection at rest', () => {
  let api: TestApi;
  const logged: string[] = [];

  beforeAll(async () => {
    api = await createTestApi('testimony-protection', { env: { PUBLIC_RATE_LIMIT: '1000' } });
    const record = (...parts: unknown[]) => logged.push(parts.map((part) => JSON.stringify(part)).join(' '));
    const recorder: LoggerService = {
      log: record,
      error: record,
      warn: record,
      debug: record,
      verbose: record,
    };
    api.app.useLogger(recorder);

    // The public form's route, as a person sends it: named, with an email, asking for casework.
    const submitted = await request(api.http)
      .post('/api/v1/public/testimonies')
      .send({
        role: 'parent-carer',
        area: 'halesowen-north',
        themes: ['ehc-plan-delays'],
        story: STORY,
        answers: { assessmentWaitWeeks: 30, planWaitWeeks: 73, deadline: 'missed', ageBand: '5-10' },
        consent: { quote: 'quote-anonymously', contact: true, shareWithAuthority: true, casework: true },
        name: NAME,
        email: EMAIL,
      });
    expect(submitted.status).toBe(201);

    const cipher = api.app.get(FieldCipher);
    const tags = [await themeId(api.dataSource, 'ehc-plan-delays'), await themeId(api.dataSource, 'funding')];
    const ids = await writeTestimonies(api.dataSource, api.app.get(TestimonyWriter), [
      newTestimony({
        story: STORY,
        name: NAME,
        email: EMAIL,
        themeIds: tags,
        quoteConsent: 'quote-anonymously',
      }),
      newTestimony({ story: `${STORY} Again, from ${NAME}.`, source: 'staff', caseworkRequested: true }),
      // Old enough for the retention sweep, which must leave counts and no words.
      newTestimony({ story: STORY, name: NAME, submittedAt: new Date('2020-01-01T00:00:00Z') }),
    ]);
    await api.dataSource.query(`UPDATE testimonies SET redacted_story = $2 WHERE id = $1`, [
      ids[0],
      REDACTED_STORY_SEALED.seal(cipher, ids[0], REDACTED),
    ]);
    await addSealedNote(api.dataSource, cipher, ids[0], NOTE);
    await api.dataSource.query(`INSERT INTO casework_referrals (testimony_id) VALUES ($1)`, [ids[1]]);
    await api.app.get(TestimonyRetention).eraseExpired();
    await api.app.get(TestimonyRekey).reencryptAll();
    await api.app.get(AuditLog, { strict: false }).record({
      actorId: null,
      action: 'testimony.read',
      subjectType: 'testimony',
      subjectId: ids[0],
    });
  });
  afterAll(() => api?.close());

  it('finds the markers when they are stored in plain text (the search works)', async () => {
    const [{ description }] = await api.dataSource.query(
      `SELECT description FROM themes WHERE slug = 'funding'`,
    );
    await api.dataSource.query(`UPDATE themes SET description = $1 WHERE slug = 'funding'`, [
      `About ${NAME}`,
    ]);
    try {
      expect((await plaintextFindings(api)).findings).toEqual([
        { table: 'public.themes', marker: 'Wigglesworth' },
        { table: 'public.themes', marker: 'Perpetua' },
      ]);
    } finally {
      await api.dataSource.query(`UPDATE themes SET description = $1 WHERE slug = 'funding'`, [description]);
    }
  });

  it('holds no story, redaction, name, email or note in plain text in any table', async () => {
    const { tables, findings } = await plaintextFindings(api);
    expect(tables).toEqual(
      expect.arrayContaining([
        'public.testimonies',
        'public.testimony_notes',
        'public.testimony_themes',
        'public.casework_referrals',
        'public.testimony_erasures',
        'public.audit_log',
      ]),
    );
    expect(findings).toEqual([]);
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM testimonies`);
    expect(count).toBe(3);
    const [{ planned }] = await api.dataSource.query(`SELECT count(*)::int AS planned FROM notifications`);
    expect(planned).toBeGreaterThan(0); // the receipt, planned in the ledger, searched like the rest
  });

  it('logs none of it', () => {
    expect(logged.some((line) => line.includes('Retention erased 1'))).toBe(true);
    const all = logged.join('\n').toLowerCase();
    for (const marker of MARKERS) expect(all).not.toContain(marker.toLowerCase());
  });
});
