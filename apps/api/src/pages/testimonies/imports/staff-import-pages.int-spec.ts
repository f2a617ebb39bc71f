import request from 'supertest';
import { EXAMPLE_SURVEY_HEADERS } from '@roundtable/testimony';
import { countRows } from '../../../../../../test/support/fixtures';
import { signedInAgent } from '../../../../../../test/support/hostile/page-session';
import { csrfOf, errorSummaryTexts } from '../../../../../../test/support/page-html';
import { formsWorkbook, type SurveyResponse } from '../../../../../../test/support/survey-export';
import { ADMIN, createTestApi, type TestApi } from '../../../../../../test/support/test-app';

type Agent = ReturnType<typeof request.agent>;

const RESPONSES: SurveyResponse[] = [
  { externalId: 1, email: 'anonymous', role: 'Parent or carer', story: 'We waited a year for the plan.' },
  { externalId: 2, email: 'anonymous', role: 'Mum or dad', story: 'The school could not meet her needs.' },
  { externalId: 3, email: 'anonymous', role: 'Parent or carer' },
];

/** The staff pages of the survey import: upload, columns and answers, check, import. */
describe('survey import pages', () => {
  let api: TestApi;
  let staff: Agent;

  beforeAll(async () => {
    api = await createTestApi('import-pages');
    staff = await signedInAgent(api, ADMIN.email, ADMIN.password);
  });
  afterAll(() => api.close());

  const csrf = async (path: string) => csrfOf((await staff.get(path).expect(200)).text);

  it('sends a signed-out visitor to sign in', async () => {
    for (const path of [
      '/staff/testimony-imports/new',
      '/staff/testimony-imports/3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f',
    ]) {
      const res = await request(api.http).get(path);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('says what is wrong with an upload by the file field, and stores nothing', async () => {
    const token = await csrf('/staff/testimony-imports/new');
    const none = await staff.post('/staff/testimony-imports/new').field('_csrf', token);
    expect(none.status).toBe(400);
    expect(errorSummaryTexts(none.text)).toEqual([
      'Choose the survey export to upload: an .xlsx or .csv file',
    ]);
    const wrong = await staff
      .post('/staff/testimony-imports/new')
      .field('_csrf', token)
      .attach('file', Buffer.from('hello'), 'notes.txt');
    expect(wrong.status).toBe(400);
    expect(errorSummaryTexts(wrong.text)[0]).toMatch(/^Upload an Excel workbook/);
    expect(await countRows(api, 'testimony_imports')).toBe(0);
  });

  it('uploads, translates an answer, lists the row that cannot be imported, and imports the rest', async () => {
    const token = await csrf('/staff/testimony-imports/new');
    const uploaded = await staff
      .post('/staff/testimony-imports/new')
      .field('_csrf', token)
      .attach('file', await formsWorkbook(RESPONSES), 'responses.xlsx')
      .expect(303);
    const path = uploaded.headers.location as string;
    const page = await staff.get(path).expect(200);
    expect(page.text).toContain('our best guess from the column titles');
    expect(page.text).toContain('Mum or dad (1 response)');
    expect(page.text).not.toContain('Import 2 responses');

    // The guessed columns (the export's own headers); say what "Mum or dad" means.
    const form = new URLSearchParams({ _csrf: csrfOf(page.text) });
    for (const [field, header] of Object.entries(EXAMPLE_SURVEY_HEADERS)) form.set(`column-${field}`, header);
    const roleAnswers = [...page.text.matchAll(/name="(answer-role-\d+)"/g)].map((match) => match[1]!);
    for (const name of roleAnswers) form.set(name, 'parent-carer');
    await staff.post(`${path}/mapping`).type('form').send(form.toString()).expect(303);

    const checked = await staff.get(path).expect(200);
    expect(checked.text).toContain('These are the columns you chose');
    expect(checked.text).toContain('it has no story');
    expect(checked.text).toContain('Import 2 responses');
    const done = await staff
      .post(`${path}/commit`)
      .type('form')
      .send({ _csrf: csrfOf(checked.text) })
      .expect(303);
    const result = await staff.get(done.headers.location as string).expect(200);
    expect(result.text).toContain('2 new testimonies');
    expect(await countRows(api, 'testimonies')).toBe(2);
    // The import's page now shows what it did.
    expect((await staff.get(path)).headers.location).toBe(`${path}/done`);
  });

  it('keeps the form and says which column to choose when the story is left out', async () => {
    const token = await csrf('/staff/testimony-imports/new');
    const uploaded = await staff
      .post('/staff/testimony-imports/new')
      .field('_csrf', token)
      .attach('file', await formsWorkbook(RESPONSES), 'again.xlsx')
      .expect(303);
    const page = await staff.get(uploaded.headers.location as string).expect(200);
    const res = await staff
      .post(`${uploaded.headers.location as string}/mapping`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), 'column-externalId': 'ID' });
    expect(res.status).toBe(400);
    expect(errorSummaryTexts(res.text)[0]).toMatch(/^Mapping\.columns\.story is required/);
  });
});
