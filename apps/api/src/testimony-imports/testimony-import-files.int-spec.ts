import ExcelJS from 'exceljs';
import request from 'supertest';
import { bearer, countRows, expectError } from '../../../../test/support/fixtures';
import { partnerToken } from '../../../../test/support/partner-user';
import { formsCsv, formsWorkbook, zipOf, type SurveyResponse } from '../../../../test/support/survey-export';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const UNKNOWN_ID = '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';
const ONE: SurveyResponse[] = [{ externalId: 1, email: 'anonymous', story: 'We waited.' }];

/** Broken and hostile uploads, and who may call the import routes: a 4xx that says what to do, nothing written. */
describe('survey import: broken or hostile files, and staff only', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await createTestApi('testimony_import_files');
    token = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const upload = (file: Buffer, name: string) =>
    request(api.http).post('/api/v1/testimony-imports').set(bearer(token)).attach('file', file, name);

  async function expectRefused(res: request.Response, status: number, message: RegExp): Promise<void> {
    expect(expectError(res, status)).toMatch(message);
    expect(await countRows(api, 'testimony_imports')).toBe(0);
    expect(await countRows(api, 'testimonies')).toBe(0);
  }

  async function workbookOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('refuses a file that is not a spreadsheet, or has the wrong extension', async () => {
    await expectRefused(
      await upload(Buffer.from('%PDF-1.7 not a workbook'), 'survey.xlsx'),
      400,
      /not an Excel workbook/,
    );
    await expectRefused(
      await upload(await formsWorkbook(ONE), 'survey.pdf'),
      400,
      /a \.pdf file cannot be imported/,
    );
    await expectRefused(await upload(formsCsv(ONE), 'survey'), 400, /without an extension/);
    await expectRefused(await upload(await formsWorkbook(ONE), 'survey.csv'), 400, /rename it to \.xlsx/);
    const oldExcel = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    await expectRefused(await upload(oldExcel, 'survey.xls'), 400, /Excel 97-2003/);
    await expectRefused(
      await upload(zipOf({ 'hello.txt': Buffer.from('hi') }), 'survey.xlsx'),
      400,
      /has no worksheets/,
    );
    await expectRefused(await upload(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'survey.csv'), 400, /not UTF-8/);
  });

  it('refuses an empty file, a sheet with no header row, or no responses', async () => {
    await expectRefused(await upload(Buffer.alloc(0), 'survey.xlsx'), 400, /the file is empty/);
    await expectRefused(await upload(await workbookOf([]), 'survey.xlsx'), 400, /the sheet is empty/);
    await expectRefused(
      await upload(await workbookOf([['ID'], [1]]), 'survey.xlsx'),
      400,
      /not a header row/,
    );
    await expectRefused(
      await upload(await workbookOf([['ID', 'Story']]), 'survey.xlsx'),
      400,
      /no responses/,
    );
    await expectRefused(await upload(Buffer.from('\n\n'), 'survey.csv'), 400, /the sheet is empty/);
  });

  it('refuses a zip bomb before inflating it, and a sheet past the row, column or cell limits', async () => {
    // 200 MB of zeros deflate to about 200 KB.
    const bomb = zipOf({ '[Content_Types].xml': Buffer.alloc(200 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefused(await upload(bomb, 'survey.xlsx'), 400, /unpacks to more than 60 MB/);
    const rows = ['ID,Story', ...Array.from({ length: 20_001 }, (_, index) => `${index},x`)].join('\n');
    await expectRefused(await upload(Buffer.from(rows), 'survey.csv'), 400, /at most 20000 can be imported/);
    const wide = Array.from({ length: 201 }, (_, index) => `Q${index}`).join(',');
    await expectRefused(await upload(Buffer.from(`${wide}\n${wide}`), 'survey.csv'), 400, /201 columns/);
    const long = `ID,Story\n1,"${'a'.repeat(20_001)}"`;
    await expectRefused(
      await upload(Buffer.from(long), 'survey.csv'),
      400,
      /row 2 has a cell longer than 20000/,
    );
  });

  it('refuses a file over 10 MB with 413, and a broken CSV with the line to look at', async () => {
    await expectRefused(
      await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'survey.csv'),
      413,
      /larger than 10 MB/,
    );
    await expectRefused(
      await upload(Buffer.from('ID,Story\n1,"unclosed\n2,x'), 'survey.csv'),
      400,
      /could not be read/,
    );
  });

  it('reads a formula for its saved value and never evaluates one without it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['ID', 'Email', 'Tell us what happened, in your own words']);
    sheet.addRow([1, 'anonymous', { formula: 'WEBSERVICE("http://evil.example/")', result: 'saved text' }]);
    sheet.addRow([2, 'anonymous', { formula: '1+1' }]);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'survey.xlsx').expect(201);
    expect(res.body.sample.map((row: { excerpt: string }) => row.excerpt)).toEqual(['saved text']);
    expect(res.body.refused).toEqual([{ row: 3, externalId: '2', problems: ['it has no story'] }]);
    await api.dataSource.query('DELETE FROM testimony_imports');
  });

  it('refuses an upload without a file, JSON instead of a form, or a campaign that does not exist', async () => {
    const post = () => request(api.http).post('/api/v1/testimony-imports').set(bearer(token));
    await expectRefused(await post(), 400, /multipart\/form-data/);
    await expectRefused(await post().send({ file: 'ID,Story' }), 400, /multipart\/form-data/);
    await expectRefused(
      await post().field('campaignId', 'not-an-id').attach('file', formsCsv(ONE), 'a.csv'),
      400,
      /campaignId/,
    );
    await expectRefused(
      await post().field('campaignId', UNKNOWN_ID).attach('file', formsCsv(ONE), 'a.csv'),
      400,
      /does not match any campaign/,
    );
    await expectRefused(
      await post().attach('file', formsCsv(ONE), 'a.csv').attach('other', formsCsv(ONE), 'b.csv'),
      400,
      /send one file/,
    );
  });

  it('answers 404 for an import that does not exist, and 401 or 403 to anyone but staff', async () => {
    const routes: Array<['get' | 'post', string]> = [
      ['post', '/api/v1/testimony-imports'],
      ['get', `/api/v1/testimony-imports/${UNKNOWN_ID}/preview`],
      ['post', `/api/v1/testimony-imports/${UNKNOWN_ID}/preview`],
      ['post', `/api/v1/testimony-imports/${UNKNOWN_ID}/commit`],
      ['get', `/api/v1/testimony-imports/${UNKNOWN_ID}/commit`],
    ];
    const partner = await partnerToken(api);
    for (const [method, path] of routes) {
      expectError(await request(api.http)[method](path), 401);
      expectError(await request(api.http)[method](path).set(bearer(partner)), 403);
    }
    expectError(
      await request(api.http).get(`/api/v1/testimony-imports/${UNKNOWN_ID}/preview`).set(bearer(token)),
      404,
    );
    expectError(
      await request(api.http).post(`/api/v1/testimony-imports/${UNKNOWN_ID}/commit`).set(bearer(token)),
      404,
    );
    expectError(
      await request(api.http).get(`/api/v1/testimony-imports/${UNKNOWN_ID}/commit`).set(bearer(token)),
      404,
    );
    expectError(
      await request(api.http).get('/api/v1/testimony-imports/not-an-id/preview').set(bearer(token)),
      404,
    );
  });
});
