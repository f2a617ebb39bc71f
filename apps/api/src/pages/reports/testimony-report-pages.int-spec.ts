import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { countRows } from '../../../../../test/support/fixtures';
import { signedInAgent, type Agent } from '../../../../../test/support/hostile/page-session';
import { errorSummaryLinks, titleOf } from '../../../../../test/support/page-html';
import { ADMIN, createTestApi, type TestApi } from '../../../../../test/support/test-app';
import {
  buildReportWorld,
  PRIVATE_MARKERS,
  QUOTE_FORMULA,
  QUOTE_ONE,
  type ReportWorld,
} from '../../../../../test/support/testimony-report-world';

describe('/staff/reports/testimony: the evidence report page', () => {
  let api: TestApi;
  let staff: Agent;
  let world: ReportWorld;
  beforeAll(async () => {
    api = await createTestApi('testimony-report-pages', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    world = await buildReportWorld(api);
    api.clock.set(world.later);
    staff = await signedInAgent(api, ADMIN.email, ADMIN.password);
  }, 60_000);
  afterAll(() => api.close());

  const scope = () =>
    `campaignId=${world.campaignId}&from-day=1&from-month=1&from-year=2026&to-day=31&to-month=3&to-year=2026`;

  it('shows the figures, a named chart beside each table, the quotes and the downloads', async () => {
    const res = await staff.get(`/staff/reports/testimony?${scope()}`).expect(200);
    const $ = load(res.text);
    expect(titleOf(res.text)).toMatch(/^Evidence report/);
    expect($('h2').first().text()).toBe('What the report covers');
    expect(res.text).toContain('Campaign: Waiting for an EHC plan');
    const themeRows = $('#themes-heading')
      .closest('section')
      .find('tbody tr')
      .toArray()
      .map((row) =>
        $(row)
          .find('th, td')
          .toArray()
          .map((cell) => $(cell).text().trim()),
      );
    expect(themeRows).toEqual([
      ['EHC plan delays', '3'],
      ['Funding', '2'],
      ['Transport', '2'],
      ['Short breaks', '1'],
    ]);
    const charts = $('svg[role="img"]');
    expect(charts.length).toBe(5);
    for (const chart of charts.toArray())
      expect($(chart).attr('aria-label')).toMatch(/^Bar chart: .+ table beside it\.$/);
    expect(
      $('blockquote')
        .toArray()
        .map((quote) => $(quote).text()),
    ).toEqual([QUOTE_ONE, QUOTE_FORMULA]);
    // The charts are drawn on the server: nothing in the report runs in the browser.
    expect($('main script').length).toBe(0);
    for (const marker of [...PRIVATE_MARKERS, 'COUNT-ONLY', 'OFFICE-ONLY', 'Zain'])
      expect(res.text).not.toContain(marker);

    const links = $('.rt-report-downloads a')
      .toArray()
      .map((link) => $(link).attr('href')!);
    expect(links).toHaveLength(2);
    const csv = await staff.get(links[1]).expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="evidence-report-2026-03-02.csv"');
    expect(parse(csv.text)).toContainEqual(['Testimony by theme', 'EHC plan delays', '3']);
    const docx = await staff.get(links[0]).buffer(true).expect(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });

  it('audits each showing and download as an export', async () => {
    const before = await countRows(api, 'audit_log');
    await staff.get(`/staff/reports/testimony?${scope()}`).expect(200);
    await staff
      .get(`/staff/reports/testimony/download?format=csv&campaignId=${world.campaignId}`)
      .expect(200);
    const rows = await api.dataSource.query(
      `SELECT detail FROM audit_log WHERE action = 'testimony.export' ORDER BY at DESC, id LIMIT 2`,
    );
    expect(await countRows(api, 'audit_log')).toBe(before + 2);
    expect(rows.map((row: { detail: { format: string } }) => row.detail.format).sort()).toEqual([
      'csv',
      'page',
    ]);
  });

  it('says what to fix in a scope that cannot be right, and shows no report', async () => {
    const before = await countRows(api, 'audit_log');
    const backwards = await staff
      .get('/staff/reports/testimony?from-day=1&from-month=3&from-year=2026&to-day=1&to-month=2&to-year=2026')
      .expect(400);
    expect(errorSummaryLinks(backwards.text)).toEqual([
      ['To (2026-02-01) must be the same as or after from (2026-03-01)', '#to'],
    ]);
    const edited = await staff
      .get('/staff/reports/testimony?campaignId=nonsense&from-day=31&from-month=2&from-year=2026')
      .expect(400);
    expect(errorSummaryLinks(edited.text)).toEqual([
      ['Select a campaign from the list', '#campaignId'],
      ['From date must be a real date', '#from-day'],
    ]);
    expect(load(edited.text)('blockquote').length).toBe(0);
    expect(await countRows(api, 'audit_log')).toBe(before);
  });

  it('sends people who are not signed in to sign in (the staff pages guard; partners get its 403)', async () => {
    const anonymous = await request(api.http).get('/staff/reports/testimony');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
    const download = await request(api.http).get('/staff/reports/testimony/download?format=csv');
    expect(download.status).toBe(303);
  });
});
