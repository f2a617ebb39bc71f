import type { Browser, Locator, Page } from 'playwright-core';
import { OFFICE } from '../../libs/notifications/src/test-support/notification-fixtures';
import { browserBaseUrl, expectAccessibleAtEveryWidth, launchChromium } from '../support/browser';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * Issue 12, point 1 in a real browser: every page's footer names the office that runs the site,
 * with its address, phone (and hours) and email as links, for the public and for staff; and a page
 * that says "contact the office" says how. The test apps run as the test office (OFFICE).
 * Each page is scanned with axe-core at 1280 and 390 px wide, and none is wider than the screen.
 */
describe('who runs the site, in every page footer', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    api = await createTestApi('office-identity-browser', {
      listen: true,
      env: { PUBLIC_RATE_LIMIT: '100000' },
    });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function expectOfficeIn(footer: Locator): Promise<void> {
    await expect(footer.getByRole('heading', { level: 2, name: OFFICE.name }).count()).resolves.toBe(1);
    const contact = footer.locator('address');
    await expect(contact.innerText()).resolves.toContain(OFFICE.address);
    await expect(contact.innerText()).resolves.toContain(`(${OFFICE.hours})`);
    await expect(contact.getByRole('link', { name: OFFICE.phone }).getAttribute('href')).resolves.toBe(
      'tel:01214960100',
    );
    await expect(contact.getByRole('link', { name: OFFICE.email }).getAttribute('href')).resolves.toBe(
      `mailto:${OFFICE.email}`,
    );
  }

  it('shows the office on a public page', async () => {
    await page.goto(`${base}/events`);
    await expectOfficeIn(page.getByRole('contentinfo'));
    await expect(page.content()).resolves.not.toContain('This email is from Roundtable');
    await expectAccessibleAtEveryWidth(page, 'public events list');
  }, 90_000);

  it('says how to contact the office where a page asks people to', async () => {
    await page.goto(`${base}/manage/not-a-real-link`);
    await page.getByRole('heading', { level: 1, name: 'We cannot find your registration' }).waitFor();
    const main = page.getByRole('main');
    await expect(main.innerText()).resolves.toContain(
      `If it still does not work, call ${OFFICE.name} on ${OFFICE.phone} (${OFFICE.hours}) or email ${OFFICE.email}.`,
    );
    await expect(main.getByRole('link', { name: OFFICE.phone }).getAttribute('href')).resolves.toBe(
      'tel:01214960100',
    );
    await expectAccessibleAtEveryWidth(page, 'manage link not found');
  }, 90_000);

  it('shows the office on a staff page', async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await expectOfficeIn(page.getByRole('contentinfo'));
    await expectAccessibleAtEveryWidth(page, 'staff events list');
  }, 90_000);
});
