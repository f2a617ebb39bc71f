import type { Browser, Page } from 'playwright-core';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessibleAtEveryWidth,
  launchChromium,
} from '../support/browser';
import { seedEvent, seedRegistration } from '../support/notification-seed';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * Issue 12 in a real browser: the privacy notice and accessibility statement reached from the
 * footer and from the public forms, an admin changing the notice's text, and the lists staff take
 * along (the CSV download and the sign-in sheet, in print too). Every page state is scanned with
 * axe-core at 1280 and 390 px wide, and no page is wider than the screen.
 */
describe('privacy notice, accessibility statement and lists to take along, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let base: string;
  let eventId: string;

  beforeAll(async () => {
    api = await createTestApi('privacy-and-exports-browser', {
      listen: true,
      env: { PUBLIC_RATE_LIMIT: '100000' },
    });
    const event = await seedEvent(api.dataSource, { title: 'Post-16 places: a roundtable' });
    eventId = event.id;
    await seedRegistration(api.dataSource, event, 'confirmed', {
      name: 'Zara Young',
      role: 'parent_carer',
      accessNeeds: ['bsl_interpreter', 'step_free'],
      accessNotes:
        'A seat near the interpreter, please, and somewhere to park a long wheelchair-accessible van',
    });
    await seedRegistration(api.dataSource, event, 'confirmed', { name: 'Adam Ashby', role: 'educator' });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('reaches the privacy notice and accessibility statement from the footer', async () => {
    await page.goto(`${base}/events`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'How we use your information' }).click();
    await page.getByRole('heading', { level: 1, name: 'How we use your information' }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'How long we keep it' }).count()).resolves.toBe(
      1,
    );
    await expectAccessibleAtEveryWidth(page, 'privacy notice');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'accessibility statement');
  }, 90_000);

  it('links the notice by the submit button of the registration and testimony forms', async () => {
    for (const path of [`/events/${eventId}/register`, '/testimony/new']) {
      await page.goto(`${base}${path}`);
      const link = page.getByRole('main').getByRole('link', { name: 'How we use your information' });
      await expect(link.getAttribute('href')).resolves.toBe('/privacy');
      await expectAccessibleAtEveryWidth(page, `form ${path}`);
    }
  }, 90_000);

  it("lets an admin change the notice's text (an error for a blank one first), then shows it", async () => {
    await page.goto(`${base}/staff/site-texts/privacy`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'How we use your information' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'site text form');

    await page.getByLabel('Text of the page').fill('   ');
    await page.getByRole('button', { name: 'Save text' }).click();
    await expect(errorSummary(page)).resolves.toEqual(['Enter the text of the page']);
    await expectAccessibleAtEveryWidth(page, 'site text form with an error');

    await page
      .getByLabel('Text of the page')
      .fill('We keep little.\n\n## Contact\n\nWrite to the <b>office</b>.');
    await page.getByRole('button', { name: 'Save text' }).click();
    await page.getByText('The page now shows your text.').waitFor();
    await expectAccessibleAtEveryWidth(page, 'site text saved');

    await page.goto(`${base}/privacy`);
    await page.getByRole('heading', { level: 2, name: 'Contact' }).waitFor();
    await expect(page.getByText('Write to the <b>office</b>.').count()).resolves.toBe(1);
  }, 90_000);

  it('downloads the registrations as CSV and opens a sign-in sheet that prints alone', async () => {
    await page.goto(`${base}/staff/events/${eventId}`);
    await expectAccessibleAtEveryWidth(page, 'staff event page with the list buttons');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download registrations (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^registrations-\d{4}-\d{2}-\d{2}-post-16-places-a-roundtable\.csv$/,
    );

    await page.getByRole('button', { name: 'Open the sign-in sheet to print' }).click();
    await page.getByRole('heading', { level: 1, name: /Post-16 places: a roundtable/ }).waitFor();
    const sheet = page.getByRole('table', { name: '2 people coming' });
    await expect(sheet.getByRole('row').nth(1).innerText()).resolves.toMatch(/^Adam Ashby/);
    await expect(sheet.getByRole('row').nth(2).innerText()).resolves.toMatch(/British Sign Language/);
    await expectAccessibleAtEveryWidth(page, 'sign-in sheet');

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.rt-service-navigation', '.rt-footer', '.rt-sign-in-sheet__screen-only'])
      await expect(page.locator(hidden).first().isVisible()).resolves.toBe(false);
    await expect(sheet.isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  }, 90_000);
});
