import type { Browser, Page } from 'playwright-core';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessible as expectPageAccessible,
  launchChromium,
} from '../support/browser';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';
import { REVIEW_STORY, seedCaseworkReferral, seedTestimony, themeId } from '../support/testimony-for-review';

/**
 * Staff review testimony in a real browser, by keyboard alone: sign in, filter the list, open one,
 * redact it, add a note (getting it wrong first), then see the casework queue and the audit log.
 * Every page visited, the error state included, is scanned with axe-core and must have no violations.
 */
describe('testimony review pages, in a browser, by keyboard', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let parentId: string;
  const scanned: string[] = [];

  beforeAll(async () => {
    api = await createTestApi('testimony-review-browser', { listen: true });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    parentId = await seedTestimony(api.dataSource, {
      themeIds: [await themeId(api.dataSource, 'ehc-plan-delays')],
      caseworkRequested: true,
    });
    await seedCaseworkReferral(api.dataSource, parentId);
    await seedTestimony(api.dataSource, {
      role: 'teacher-ta',
      story: 'The school cannot get training for the support staff.',
      submittedAt: new Date('2026-01-14T09:00:00Z'),
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function expectAccessible(page: Page, label: string): Promise<void> {
    await expectPageAccessible(page, label);
    scanned.push(label);
  }

  /** Moves focus to a control as Tab would, then types into it. */
  async function typeInto(page: Page, label: string, text: string): Promise<void> {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
  }

  async function pressButton(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
  }

  it('signs in, filters, opens, redacts and notes, all by keyboard', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto('/staff/testimonies');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await typeInto(page, 'Email address', ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/staff/testimonies');
    await expect(page.locator('caption').innerText()).resolves.toContain('2 testimonies');
    expect(await page.content()).not.toContain('Idris');
    await expectAccessible(page, 'testimony list');

    // Filter to parents and carers: the select moves by arrow keys, the button by Enter.
    await page.getByLabel('Who is speaking').focus();
    await page.keyboard.press('ArrowDown');
    await pressButton(page, 'Apply filters');
    await page.waitForURL('**/staff/testimonies?*role=parent-carer*');
    await expect(page.locator('caption').innerText()).resolves.toContain('1 testimony');
    await expectAccessible(page, 'testimony list, filtered');

    await page.getByRole('link', { name: /open this testimony/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/staff/testimonies/${parentId}`);
    await expect(page.locator('#story').innerText()).resolves.toBe(REVIEW_STORY);
    await expectAccessible(page, 'one testimony');

    await typeInto(
      page,
      'Story with names and identifying details taken out',
      'Our son [name] waited forty weeks for his plan at [school].',
    );
    await pressButton(page, 'Save redaction');
    await page.waitForURL('**?saved=redaction');
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'Redaction saved',
    );
    await expect(
      page.getByLabel('Story with names and identifying details taken out', { exact: true }).inputValue(),
    ).resolves.toBe('Our son [name] waited forty weeks for his plan at [school].');
    await expectAccessible(page, 'one testimony, redaction saved');

    await pressButton(page, 'Add note');
    expect(await errorSummary(page)).toEqual(['Enter the note']);
    await expectAccessible(page, 'one testimony, note with errors');
    await typeInto(page, 'Add a note', 'Rang the family; they will come to the Cradley roundtable.');
    await pressButton(page, 'Add note');
    await page.waitForURL('**?saved=notes');
    await expect(page.locator('.rt-preserve-lines').last().innerText()).resolves.toContain('Rang the family');
    await expectAccessible(page, 'one testimony, note added');

    const [row] = await api.dataSource.query(
      `SELECT t.redacted_story, n.body FROM testimonies t JOIN testimony_notes n ON n.testimony_id = t.id WHERE t.id = $1`,
      [parentId],
    );
    expect(JSON.stringify(row)).not.toMatch(/\[name\]|Rang the family/);

    await page.getByRole('link', { name: 'Casework', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/staff/casework');
    await expectAccessible(page, 'casework queue');

    await page.getByRole('link', { name: 'Audit log', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/staff/audit');
    await expect(page.locator('caption').innerText()).resolves.toMatch(/\d+ entries/);
    await expectAccessible(page, 'audit log');

    expect(pageErrors).toEqual([]);
    expect(scanned).toHaveLength(8);
    await context.close();
  }, 120_000);
});
