import { randomUUID } from 'node:crypto';
import { FieldCipher, NOTE_BODY_SEALED, TestimonyWriter, type NewTestimony } from '@roundtable/testimony';
import type { DataSource } from 'typeorm';

/** A testimony as every way in hands it to TestimonyWriter, with plain defaults to override. */
export function newTestimony(overrides: Partial<NewTestimony> = {}): NewTestimony {
  return {
    source: 'public',
    role: 'parent-carer',
    area: 'dudley',
    onBehalfOfYoungPerson: false,
    assessmentWaitWeeks: 30,
    planWaitWeeks: 45,
    deadline: 'missed',
    tribunal: null,
    ageBand: '5-10',
    schoolPhase: 'primary',
    quoteConsent: 'count-only',
    contactConsent: false,
    shareWithAuthority: false,
    caseworkRequested: false,
    story: 'We waited a long time for the plan.',
    themeIds: [],
    ...overrides,
  };
}

/** Writes testimonies through the one writer, in one transaction; their ids in order. */
export function writeTestimonies(
  dataSource: DataSource,
  writer: TestimonyWriter,
  testimonies: readonly NewTestimony[],
): Promise<string[]> {
  return dataSource.transaction((manager) => writer.insert(manager, testimonies));
}

/** A staff note on a testimony, sealed as the review routes seal it. */
export async function addSealedNote(
  dataSource: DataSource,
  cipher: FieldCipher,
  testimonyId: string,
  body: string,
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(`INSERT INTO testimony_notes (id, testimony_id, body) VALUES ($1, $2, $3)`, [
    id,
    testimonyId,
    NOTE_BODY_SEALED.seal(cipher, id, body),
  ]);
  return id;
}

/** A campaign row, straight into the table: tests here need its id, not its routes. */
export async function addCampaign(dataSource: DataSource, title: string): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO campaigns (title, summary, starts_on, ends_on, evidence_use)
     VALUES ($1, 'Listening to families', '2024-01-01', '2026-12-31', 'A report to the council')
     RETURNING id`,
    [title],
  );
  return row.id;
}

/** The id of a seeded theme, by slug. */
export async function themeId(dataSource: DataSource, slug: string): Promise<string> {
  const [row] = await dataSource.query(`SELECT id FROM themes WHERE slug = $1`, [slug]);
  if (!row) throw new Error(`no seeded theme "${slug}"`);
  return row.id;
}
