import type { Browser, Page } from 'playwright-core';
import { browserBaseUrl, errorSummary, expectAccessible, launchChromium } from '../support/browser';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';
import { buildReportWorld, QUOTE_ONE, type ReportWorld } from '../support/testimony-report-world';

/**
 * A member of staff reads the evidence report in a real browser: signs in, opens it from the
 * menu, narrows it to a campaign and dates (getting the dates the wrong way round first), and
 * reads the charts' figures and the quotes. Each page state is scanned with axe-core, and the
 * print view hides everything but the report.
 */
describe('the evidence report, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let base: string;
  let world: ReportWorld;

  beforeAll(async () => {
    api = await createTestApi('testimony-report-browser', {
      listen: true,
      env: { PUBLIC_RATE_LIMIT: '100000' },
    });
    world = await buildReportWorld(api);
    api.clock.set(world.later);
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('signs in, opens the report and finds it accessible, with every figure in a table', async () => {
    await page.goto(`${base}/staff/reports/testimony`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence report' }).waitFor();
    await expect(page.getByRole('heading', { name: 'All testimony' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'report of all testimony');
    await expect(page.getByRole('img', { name: /^Bar chart: Testimony by theme/ }).count()).resolves.toBe(1);
  }, 60_000);

  it('says what to fix when the dates are the wrong way round, accessibly', async () => {
    await page.getByLabel('Campaign').selectOption({ label: 'Waiting for an EHC plan' });
    const dates = (legend: string) => page.getByRole('group', { name: legend });
    await dates('Given on or after').getByLabel('Day').fill('1');
    await dates('Given on or after').getByLabel('Month').fill('3');
    await dates('Given on or after').getByLabel('Year').fill('2026');
    await dates('Given on or before').getByLabel('Day').fill('1');
    await dates('Given on or before').getByLabel('Month').fill('1');
    await dates('Given on or before').getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await expect(errorSummary(page)).resolves.toEqual([
      'To (2026-01-01) must be the same as or after from (2026-03-01)',
    ]);
    await expectAccessible(page, 'report scope with an error');

    await dates('Given on or after').getByLabel('Month').fill('1');
    await dates('Given on or before').getByLabel('Month').fill('3');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('heading', { name: /^Campaign: Waiting for an EHC plan/ }).waitFor();
    await expect(page.locator('blockquote').first().innerText()).resolves.toBe(QUOTE_ONE);
    const theme = page.getByRole('table', { name: 'Testimony by theme' });
    await expect(theme.getByRole('row', { name: /EHC plan delays/ }).innerText()).resolves.toMatch(/3$/);
    await expectAccessible(page, `report for campaign ${world.campaignId}`);
  }, 60_000);

  it('prints only the report: no menu, form or download links', async () => {
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.rt-service-navigation', '.rt-report-scope', '.rt-report-downloads', '.rt-footer'])
      await expect(page.locator(hidden).first().isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'In their own words' }).isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);
});
