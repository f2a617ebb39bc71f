import { validateEnv } from '@roundtable/platform';
import { CaseworkReferral, FieldCipher, TestimonyWriter, type NewTestimony } from '@roundtable/testimony';
import type { DataSource } from 'typeorm';

/**
 * Testimony for the review tests, written through TestimonyWriter (so sealed as every way in
 * seals it) under this test file's TESTIMONY_KEYS. Needs only a DataSource, for the hostile world.
 */
export const REVIEW_STORY = 'Our son Idris waited forty weeks for his plan at Windmill Primary.';

export function testimonyInput(overrides: Partial<NewTestimony> = {}): NewTestimony {
  return {
    source: 'public',
    role: 'parent-carer',
    area: 'dudley',
    onBehalfOfYoungPerson: false,
    assessmentWaitWeeks: 30,
    planWaitWeeks: 40,
    deadline: 'missed',
    tribunal: 'no',
    ageBand: '5-10',
    schoolPhase: 'primary',
    quoteConsent: 'quote-anonymously',
    contactConsent: true,
    shareWithAuthority: false,
    caseworkRequested: false,
    story: REVIEW_STORY,
    name: 'Amira Khan',
    email: 'amira@example.org',
    themeIds: [],
    ...overrides,
  };
}

export async function seedTestimony(
  dataSource: DataSource,
  overrides: Partial<NewTestimony> = {},
): Promise<string> {
  const writer = new TestimonyWriter(new FieldCipher(validateEnv(process.env).TESTIMONY_KEYS ?? []));
  const [id] = await dataSource.transaction((manager) => writer.insert(manager, [testimonyInput(overrides)]));
  return id!;
}

/** A casework referral for a testimony, as intake makes one when casework is asked for. */
export async function seedCaseworkReferral(
  dataSource: DataSource,
  testimonyId: string,
  status: CaseworkReferral['status'] = 'open',
): Promise<string> {
  const saved = await dataSource.getRepository(CaseworkReferral).save({ testimonyId, status });
  return saved.id;
}

/** The id of a seeded theme, by slug. */
export async function themeId(dataSource: DataSource, slug: string): Promise<string> {
  const [row] = await dataSource.query(`SELECT id FROM themes WHERE slug = $1`, [slug]);
  if (!row) throw new Error(`no theme with slug ${slug}`);
  return row.id;
}
