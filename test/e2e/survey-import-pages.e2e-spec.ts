import type { Browser } from 'playwright-core';
import { browserBaseUrl, errorSummary, expectAccessible, launchChromium } from '../support/browser';
import { formsWorkbook, type SurveyResponse } from '../support/survey-export';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/** The survey import pages in a real browser, by keyboard where it matters, each scanned with axe-core. */

const RESPONSES: SurveyResponse[] = [
  { externalId: 1, email: 'anonymous', role: 'Parent or carer', story: 'We waited a year for the plan.' },
  { externalId: 2, email: 'anonymous', role: 'Mum or dad', story: 'The school could not meet her needs.' },
  { externalId: 3, email: 'anonymous', role: 'Parent or carer' },
];

describe('survey import pages, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    api = await createTestApi('import-browser', { listen: true });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('uploads an export, translates an answer, shows the row that cannot be imported, and imports', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/events');

    await page.goto('/staff/testimony-imports/new');
    await expectAccessible(page, 'survey upload');
    await page.getByRole('button', { name: 'Upload and check' }).click();
    expect(await errorSummary(page)).toEqual(['Choose the survey export to upload: an .xlsx or .csv file']);
    await expectAccessible(page, 'survey upload, with an error');

    await page.getByLabel('Survey export').setInputFiles({
      name: 'responses.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await formsWorkbook(RESPONSES),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForURL(/\/staff\/testimony-imports\/[0-9a-f-]{36}$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Check the survey import');
    await expectAccessible(page, 'survey columns and check');

    await page.getByLabel('Mum or dad (1 response)').selectOption('parent-carer');
    await page.getByRole('button', { name: 'Save the columns and check the rows' }).press('Enter');
    await page.waitForURL(/#preview$/);
    await expect(page.locator('table').first().innerText()).resolves.toContain('it has no story');
    await expectAccessible(page, 'survey check, with the mapping saved');

    await page.getByRole('button', { name: 'Import 2 responses' }).click();
    await page.waitForURL(/\/done$/);
    await expect(page.locator('h1').innerText()).resolves.toContain('Survey responses imported');
    await expectAccessible(page, 'survey imported');
    const [{ n }] = await api.dataSource.query('SELECT count(*)::int AS n FROM testimonies');
    expect(n).toBe(2);
    await context.close();
  }, 120_000);
});
