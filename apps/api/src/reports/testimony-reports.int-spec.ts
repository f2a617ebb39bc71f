import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import request from 'supertest';
import { bearer, countRows, expectError } from '../../../../test/support/fixtures';
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import {
  buildReportWorld,
  PRIVATE_MARKERS,
  QUOTE_FORMULA,
  QUOTE_ONE,
  signInAdmin,
  type ReportWorld,
} from '../../../../test/support/testimony-report-world';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('GET /api/v1/reports/testimony: the evidence report', () => {
  let api: TestApi;
  let admin: string;
  let world: ReportWorld;
  beforeAll(async () => {
    api = await createTestApi('testimony-reports', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    world = await buildReportWorld(api);
    // After both events: they have been held.
    api.clock.set(world.later);
    admin = await signInAdmin(api);
  }, 60_000);
  afterAll(() => api.close());

  const report = (query: Record<string, string>, token = admin) =>
    request(api.http).get('/api/v1/reports/testimony').query(query).set(bearer(token));
  const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  };

  it("counts the campaign's testimony exactly as it was submitted, leaving out office-only and excluded", async () => {
    const res = await report({ campaignId: world.campaignId }).expect(200);
    const body = res.body;
    expect(body.scope).toEqual({
      campaign: { id: world.campaignId, title: 'Waiting for an EHC plan' },
      event: null,
      from: null,
      to: null,
    });
    expect(body.submissions.total).toBe(5);
    expect(body.submissions.byTheme).toEqual([
      { themeId: world.themes.ehc, label: 'EHC plan delays', retired: false, count: 3 },
      { themeId: world.themes.funding, label: 'Funding', retired: false, count: 2 },
      // Home to school travel was merged in: its tags count here, once per testimony.
      { themeId: world.themes.transport, label: 'Transport', retired: false, count: 2 },
      { themeId: world.themes.shortBreaks, label: 'Short breaks', retired: true, count: 1 },
    ]);
    expect(body.submissions.byArea).toEqual([
      { value: 'dudley', label: 'Dudley', count: 2 },
      { value: 'sandwell', label: 'Sandwell', count: 1 },
      { value: 'wolverhampton', label: 'Wolverhampton', count: 1 },
      { value: null, label: 'Area not given', count: 1 },
    ]);
    expect(body.submissions.byRole).toEqual([
      { value: 'parent-carer', label: 'Parent or carer', count: 2 },
      { value: 'other-professional', label: 'Other professional', count: 1 },
      { value: 'teacher-ta', label: 'Teacher or teaching assistant', count: 1 },
      { value: 'young-person', label: 'Young person', count: 1 },
    ]);
    expect(
      body.submissions.byEvent.map((row: { eventId: string; count: number }) => [row.eventId, row.count]),
    ).toEqual([
      [world.events.first.id, 2],
      [world.events.second.id, 1],
      [null, 2],
    ]);
    expect(body.submissions.byEvent[0].label).toMatch(
      /^Listening event in Dudley \(\w+day \d+ January 2026\)$/,
    );
    expect(body.events).toMatchObject({ held: 2, confirmed: 5, attended: 3 });
    expect(
      body.events.items.map((item: { title: string; confirmed: number; attended: number }) => [
        item.title,
        item.confirmed,
        item.attended,
      ]),
    ).toEqual([
      ['Listening event in Dudley', 3, 2],
      ['Roundtable in Sandwell', 2, 1],
    ]);
    expect(body.answers).toEqual({
      assessmentWait: { medianWeeks: 25, answered: 4 },
      planWait: { medianWeeks: 27.5, answered: 4 },
      pastDeadline: { past: 3, answered: 4, share: 0.75 },
      tribunal: [
        { value: 'lost', label: 'Yes, and we lost', count: 1 },
        { value: 'no', label: 'No', count: 1 },
        { value: 'waiting', label: 'Yes, we are still waiting', count: 1 },
        { value: 'won', label: 'Yes, and we won', count: 1 },
      ],
    });
    expect(body.erasures).toEqual({ withdrawn: 6, afterRetention: 3 });
  });

  it('quotes only chosen, consented, redacted text, never a name, an email or a story as written', async () => {
    const res = await report({ campaignId: world.campaignId }).expect(200);
    expect(res.body.quotes).toEqual([
      { text: QUOTE_ONE, role: 'Parent or carer', area: 'Dudley', themes: ['EHC plan delays', 'Transport'] },
      {
        text: QUOTE_FORMULA,
        role: 'Other professional',
        area: 'Wolverhampton',
        themes: ['EHC plan delays', 'Funding'],
      },
    ]);
    const everything = await report({}).expect(200);
    expect(everything.body.submissions.total).toBe(6);
    // In the order given: the one outside the campaign came between the campaign's two.
    expect(everything.body.quotes.map((quote: { text: string }) => quote.text)).toEqual([
      QUOTE_ONE,
      'OUTSIDE-CAMPAIGN redaction',
      QUOTE_FORMULA,
    ]);
    for (const text of [JSON.stringify(res.body), JSON.stringify(everything.body)]) {
      for (const marker of [
        ...PRIVATE_MARKERS,
        'COUNT-ONLY',
        'NOT-CHOSEN',
        'EXCLUDED',
        'OFFICE-ONLY',
        'Zain',
      ])
        expect(text).not.toContain(marker);
    }
  });

  it('narrows to one event (no erasure counts, which are not kept by event) and to dates', async () => {
    const byEvent = await report({ eventId: world.events.first.id }).expect(200);
    expect(byEvent.body.submissions.total).toBe(2);
    expect(byEvent.body.events.items.map((item: { eventId: string }) => item.eventId)).toEqual([
      world.events.first.id,
    ]);
    expect(byEvent.body.erasures).toBeNull();
    expect(byEvent.body.quotes.map((quote: { text: string }) => quote.text)).toEqual([QUOTE_ONE]);

    const february = await report({
      campaignId: world.campaignId,
      from: '2026-02-01',
      to: '2026-02-28',
    }).expect(200);
    expect(february.body.submissions.total).toBe(1);
    expect(february.body.events.held).toBe(0);
    expect(february.body.erasures).toEqual({ withdrawn: 4, afterRetention: 0 });
    expect(february.body.answers.planWait).toEqual({ medianWeeks: 30, answered: 1 });
    // Both ends are whole UK days.
    const oneDay = await report({
      campaignId: world.campaignId,
      from: '2026-01-16',
      to: '2026-01-16',
    }).expect(200);
    expect(oneDay.body.submissions.total).toBe(1);
  });

  it('writes a CSV of tidy rows that parses, with formula-like cells defused', async () => {
    const res = await report({ campaignId: world.campaignId, format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="evidence-report-2026-03-02\.csv"$/,
    );
    const rows: string[][] = parse(res.text);
    expect(rows[0]).toEqual(['section', 'label', 'value']);
    expect(rows.every((row) => row.length === 3)).toBe(true);
    expect(rows).toContainEqual(['Testimony by theme', 'EHC plan delays', '3']);
    expect(rows).toContainEqual(['Testimony by theme', 'Short breaks', '1']);
    expect(rows).toContainEqual(['Summary', 'Median wait for an EHC plan (weeks)', '27.5']);
    expect(rows).toContainEqual(['Summary', 'Share of plans past the 20-week deadline (%)', '75']);
    expect(rows).toContainEqual(['Events held and attendance: Attended', 'Listening event in Dudley', '2']);
    expect(rows).toContainEqual([
      'Quotes',
      'Other professional; Wolverhampton; EHC plan delays; Funding',
      `'${QUOTE_FORMULA}`,
    ]);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const marker of [...PRIVATE_MARKERS, 'COUNT-ONLY', 'OFFICE-ONLY', 'Zain'])
      expect(res.text).not.toContain(marker);
  });

  it('writes a Word document that opens, with the figures and quotes and nothing private', async () => {
    const res = await report({ campaignId: world.campaignId, format: 'docx' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="evidence-report-2026-03-02.docx"');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ');
    for (const expected of [
      'Testimony by theme',
      'EHC plan delays',
      'Short breaks',
      'Events held and attendance',
      'Campaign: Waiting for an EHC plan',
      'Nobody at [council office] answered.',
    ])
      expect(text).toContain(expected);
    expect(xml).toMatch(/<w:t[^>]*>27\.5<\/w:t>/);
    for (const marker of [...PRIVATE_MARKERS, 'COUNT-ONLY', 'OFFICE-ONLY', 'Zain'])
      expect(xml).not.toContain(marker);
  });

  it('audits every export with its format and scope ids, and nothing else', async () => {
    await api.dataSource.query(`DELETE FROM audit_log WHERE action = 'testimony.export'`);
    for (const format of ['json', 'csv', 'docx'])
      await report({ eventId: world.events.second.id, format }).expect(200);
    const rows = await api.dataSource.query(
      `SELECT action, subject_type, detail FROM audit_log WHERE action = 'testimony.export' ORDER BY at, id`,
    );
    expect(rows.map((row: { detail: { format: string } }) => row.detail.format).sort()).toEqual([
      'csv',
      'docx',
      'json',
    ]);
    expect(rows[0]).toMatchObject({
      subject_type: 'testimony-report',
      detail: {
        eventId: world.events.second.id,
        campaignId: null,
        from: null,
        to: null,
        counted: 1,
        quotes: 0,
      },
    });
  });

  it('refuses anonymous callers with 401 and partners with 403', async () => {
    expectError(await request(api.http).get('/api/v1/reports/testimony'), 401);
    expectError(await report({}, await partnerToken(api)), 403);
  });

  it('refuses a bad scope with 400 saying what to fix, and audits nothing', async () => {
    const before = await countRows(api, 'audit_log');
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ from: '2026-03-01', to: '2026-02-01' }, /to \(2026-02-01\) must be the same as or after from/],
      [{ campaignId: 'not-a-uuid' }, /campaignId must be the id of a campaign/],
      [{ campaignId: '3f2b8c1e-0000-4000-8000-000000000000' }, /does not match any campaign/],
      [{ eventId: '3f2b8c1e-0000-4000-8000-000000000000' }, /does not match any event/],
      [{ from: '2026-02-30' }, /from must be a date written YYYY-MM-DD/],
      [{ format: 'pdf' }, /format must be one of: json, csv, docx/],
      [{ colour: 'blue' }, /colour/],
    ];
    for (const [query, message] of cases) expect(expectError(await report(query), 400)).toMatch(message);
    const repeated = await request(api.http)
      .get('/api/v1/reports/testimony?format=csv&format=json')
      .set(bearer(admin));
    expectError(repeated, 400);
    expect(await countRows(api, 'audit_log')).toBe(before);
  });
});
