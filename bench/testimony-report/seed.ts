import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
// By path: the testimony index would pull in Nest modules the bench process does not need.
import { FieldCipher } from '../../libs/testimony/src/encryption/field-cipher';
import { REDACTED_STORY_SEALED, STORY_SEALED } from '../../libs/testimony/src/testimonies/testimony.entity';
import { TESTIMONY_KEYS_FOR_RUN } from '../support/environment';

const ROLES = [
  'parent-carer',
  'parent-carer',
  'parent-carer',
  'young-person',
  'teacher-ta',
  'other-professional',
  'other',
];
const AREAS = [
  'dudley',
  'sandwell',
  'walsall',
  'wolverhampton',
  'halesowen-north',
  'halesowen-south',
  'belle-vale',
  null,
];
const CONSENTS = [
  'quote-anonymously',
  'quote-anonymously',
  'quote-anonymously',
  'count-only',
  'count-only',
  'office-only',
];
const DEADLINES = ['met', 'missed', 'missed', 'not-sure', null];
const TRIBUNALS = ['no', 'won', 'partly-won', 'lost', 'conceded', 'withdrawn', 'waiting', null, null, null];
const STATUSES = ['new', 'reviewed', 'included', 'included', 'excluded'];
const CHUNK = 5_000;
/** One in a hundred is chosen as a quote, with a redaction: the only rows a report decrypts. */
const QUOTE_EVERY = 100;

export interface SeededReport {
  campaignId: string;
  testimonies: number;
  events: number;
  quotes: number;
}

/** A deterministic spread of values, so every run seeds the same figures. */
const pick = <T>(list: readonly T[], n: number, salt: number): T =>
  list[(n * 7919 + salt * 104729) % list.length];

/**
 * One campaign, `events` published events already held (20 registrations each, 15 with places,
 * 10 attended) and `count` testimonies straight in SQL, each story sealed for its own row by
 * the app's FieldCipher under the run's key, so the report decrypts real values.
 */
export async function seedReport(client: Client, count: number, events: number): Promise<SeededReport> {
  const [campaign] = (
    await client.query(
      `INSERT INTO campaigns (title, summary, starts_on, ends_on, evidence_use)
       VALUES ('Waiting for an EHC plan', 'What the wait is like.', '2026-01-01', '2026-12-31', 'A report to the council.')
       RETURNING id`,
    )
  ).rows;
  const eventIds: string[] = (
    await client.query(
      `INSERT INTO events (title, kind, description, starts_at, ends_at, online_url, status, published_at, campaign_id)
       SELECT 'Listening event ' || n, 'listening_event', 'Bench event.',
              now() - (n || ' days')::interval, now() - (n || ' days')::interval + interval '2 hours',
              'https://meet.example.org/' || n, 'published', now() - interval '400 days', $1
       FROM generate_series(1, $2::int) AS n RETURNING id`,
      [campaign.id, events],
    )
  ).rows.map((row: { id: string }) => row.id);
  await client.query(
    `INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash)
     SELECT e.id, 'person.' || n || '.' || e.id || '@example.org', 'Bench Person', 'parent_carer',
            CASE WHEN n <= 10 THEN 'attended' WHEN n <= 15 THEN 'confirmed' ELSE 'cancelled' END,
            encode(sha256(gen_random_uuid()::text::bytea), 'hex')
     FROM unnest($1::uuid[]) AS e(id), generate_series(1, 20) AS n`,
    [eventIds],
  );
  const themes: string[] = (await client.query(`SELECT id FROM themes ORDER BY slug`)).rows.map(
    (row: { id: string }) => row.id,
  );
  const cipher = new FieldCipher([
    { id: 'bench', secret: Buffer.from(TESTIMONY_KEYS_FOR_RUN.split(':')[1], 'hex') },
  ]);
  let quotes = 0;
  for (let start = 0; start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, offset) => start + offset);
    const ids = rows.map(() => randomUUID());
    const quoted = rows.map((n) => n % QUOTE_EVERY === 0);
    quotes += quoted.filter(Boolean).length;
    await client.query(
      `INSERT INTO testimonies (id, campaign_id, event_id, source, role, area, assessment_wait_weeks, plan_wait_weeks,
         deadline, tribunal, quote_consent, status, story, redacted_story, quote_selected, submitted_at)
       SELECT id, $2, event_id, 'public', role, area, assessment, plan, deadline, tribunal, consent, status, story,
              redacted, redacted IS NOT NULL, submitted_at
       FROM unnest($1::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[])
         AS t(id, event_id, role, area, assessment, plan, deadline, tribunal, consent, status, story, redacted, submitted_at)`,
      [
        ids,
        campaign.id,
        rows.map((n) => (n % 10 < 7 ? eventIds[n % eventIds.length] : null)),
        rows.map((n) => pick(ROLES, n, 1)),
        rows.map((n) => pick(AREAS, n, 2)),
        rows.map((n) => (n % 3 === 0 ? null : 4 + ((n * 13) % 80))),
        rows.map((n) => (n % 4 === 0 ? null : 10 + ((n * 17) % 60))),
        rows.map((n) => pick(DEADLINES, n, 3)),
        rows.map((n) => pick(TRIBUNALS, n, 4)),
        rows.map((n, index) => (quoted[index] ? 'quote-anonymously' : pick(CONSENTS, n, 5))),
        rows.map((n, index) => (quoted[index] ? 'included' : pick(STATUSES, n, 6))),
        ids.map((id, index) =>
          STORY_SEALED.seal(cipher, id, `Bench story ${rows[index]}: the wait for a plan.`),
        ),
        ids.map((id, index) =>
          quoted[index]
            ? REDACTED_STORY_SEALED.seal(cipher, id, `Bench quote ${rows[index]}: [name] waited.`)
            : null,
        ),
        rows.map((n) => new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86_400_000)),
      ],
    );
    // One to three themes each.
    const tags = rows.flatMap((n, index) =>
      [...new Set([pick(themes, n, 7), pick(themes, n, 8), pick(themes, n, 9)].slice(0, 1 + (n % 3)))].map(
        (themeId) => [ids[index], themeId],
      ),
    );
    await client.query(
      `INSERT INTO testimony_themes (testimony_id, theme_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [tags.map((tag) => tag[0]), tags.map((tag) => tag[1])],
    );
  }
  await client.query('ANALYZE');
  return { campaignId: campaign.id, testimonies: count, events, quotes };
}
