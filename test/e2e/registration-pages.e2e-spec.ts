import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessible as expectPageAccessible,
  launchChromium,
} from '../support/browser';
import { createEvent, createVenue, publishEvent } from '../support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * Registering in a real browser: a parent finds a published event, registers (getting the form
 * wrong first), lands on the confirmation, goes to their private manage page, changes their
 * access needs and cancels (with the "are you sure?" step). Someone invited accepts from the
 * email link. Staff then see the registrations and the delivery ledger. Every page visited,
 * error states included, is scanned with axe-core and must have no violations.
 */

// A Monday in March, before the clocks go forward (GMT, so UK time equals UTC).
const NOW = new Date('2026-03-02T10:00:00Z');
const TITLE = 'Autism assessments: a listening event for Cradley families';

describe('registration pages, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let eventId: string;
  const scanned: string[] = [];

  beforeAll(async () => {
    api = await createTestApi('registration-browser', { listen: true, now: NOW });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    const token = await api.tokenFor('admin');
    const venue = await createVenue(api, token, {
      name: 'Cradley Community Centre',
      area: 'cradley-and-wollescote',
      postcode: 'B63 2UP',
      capacity: 30,
      accessFeatures: ['step_free_access', 'hearing_loop'],
    });
    const event = await createEvent(api, token, {
      title: TITLE,
      venueId: venue.id,
      capacity: 1,
      startsAt: '2026-03-16T18:30:00Z',
      endsAt: '2026-03-16T20:00:00Z',
    });
    await publishEvent(api, token, event.id);
    eventId = event.id;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** Every scan is counted, so a journey that skips a page fails. */
  async function expectAccessible(page: Page, label: string): Promise<void> {
    await expectPageAccessible(page, label);
    scanned.push(label);
  }

  async function status(manageToken: string): Promise<string> {
    const [row] = await api.dataSource.query(
      'SELECT status FROM registrations WHERE manage_token_hash = $1',
      [createHash('sha256').update(manageToken).digest('hex')],
    );
    return row.status;
  }

  it('registers through the form, then changes access needs and cancels from the manage page', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(`/events/${eventId}`);
    await expectAccessible(page, 'event page with register button');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(`**/events/${eventId}/register`);
    await expectAccessible(page, 'registration form');

    // Wrong first: no name, and "Something else" without saying what.
    await page.getByLabel('Email address').fill('sam.jones@example.org');
    await page.getByLabel('Parent or carer').check();
    await page.getByLabel('Something else (tell us below)').check();
    await page.getByRole('button', { name: 'Register' }).click();
    expect(await errorSummary(page)).toEqual([
      'Enter your name',
      'Tell us what else you need, or untick “Something else”',
    ]);
    expect(await page.title()).toMatch(/^Error: Register for /);
    // GOV.UK Frontend moves focus to the summary, and its links take keyboard users to the field.
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
    ).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('name');
    // What was typed is kept.
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe('sam.jones@example.org');
    await expect(page.getByLabel('Parent or carer').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'registration form, with errors');
    await page.screenshot({ path: '/tmp/roundtable-registration-errors.png', fullPage: true });

    await page.getByLabel('Your name').fill('Sam Jones');
    await page.getByLabel('Something else (tell us below)').uncheck();
    await page.getByLabel('Step-free access').check();
    await page.getByLabel('Food for a special diet').check();
    await page.getByLabel('Tell us more about what you need (optional)').fill('Vegetarian, please');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(/\/manage\/rtm_[\w-]{43}\/registered$/);
    const manageToken = /\/manage\/(rtm_[\w-]{43})\//.exec(page.url())![1]!;
    await expect(page.locator('.govuk-panel').innerText()).resolves.toContain('You have a place');
    await expect(page.locator('main').innerText()).resolves.toContain('calendar invite');
    await expectAccessible(page, 'registration confirmation');
    await page.screenshot({ path: '/tmp/roundtable-registration-confirmation.png', fullPage: true });

    await page.getByRole('link', { name: 'Go to your registration page' }).click();
    await page.waitForURL(`**/manage/${manageToken}`);
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe(
      'noindex, nofollow',
    );
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/Place confirmed[\s\S]*You have a place/);
    expect(main).toContain('Monday 16 March 2026, 6:30pm to 8pm (UK time)');
    expect(main).toMatch(/Step-free access[\s\S]*Hearing loop/);
    expect(main).toMatch(/Step-free access[\s\S]*Food for a special diet[\s\S]*Vegetarian, please/);
    await expectAccessible(page, 'manage page');
    await page.screenshot({ path: '/tmp/roundtable-manage.png', fullPage: true });

    // Change access needs, with a mistake first.
    await page.getByRole('link', { name: 'Change what you need' }).click();
    await page.waitForURL(`**/manage/${manageToken}/access-needs`);
    await expect(page.getByLabel('Step-free access').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'change access needs');
    await page.getByLabel('Step-free access').uncheck();
    await page.getByLabel('A British Sign Language (BSL) interpreter').check();
    await page.getByLabel('Something else (tell us below)').check();
    await page.getByLabel('Tell us more about what you need (optional)').fill('');
    await page.getByRole('button', { name: 'Save access needs' }).click();
    expect(await errorSummary(page)).toEqual(['Tell us what else you need, or untick “Something else”']);
    await expect(page.getByLabel('A British Sign Language (BSL) interpreter').isChecked()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'change access needs, with errors');
    await page.getByLabel('Tell us more about what you need (optional)').fill('A chair with arms');
    await page.getByRole('button', { name: 'Save access needs' }).click();
    await page.waitForURL(`**/manage/${manageToken}?done=access-needs`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'Your access needs have been saved',
    );
    const saved = await page.locator('main').innerText();
    expect(saved).toMatch(/A British Sign Language \(BSL\) interpreter[\s\S]*A chair with arms/);
    expect(saved).not.toContain('Vegetarian');
    await expectAccessible(page, 'manage page, access needs saved');

    // Cancel: "No" keeps the place; "Yes" gives it up.
    await page.getByRole('button', { name: 'Cancel my registration' }).click();
    await page.waitForURL(`**/manage/${manageToken}/cancel`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Are you sure you want to cancel your place?');
    await expectAccessible(page, 'cancel, are you sure');
    await page.getByRole('link', { name: 'No, keep my place' }).click();
    await page.waitForURL(`**/manage/${manageToken}`);
    expect(await status(manageToken)).toBe('confirmed');
    await page.getByRole('button', { name: 'Cancel my registration' }).click();
    await page.getByRole('button', { name: 'Yes, cancel my place' }).click();
    await page.waitForURL(`**/manage/${manageToken}/cancelled?outcome=freed`);
    await expect(page.locator('.govuk-panel').innerText()).resolves.toContain(
      'Your place has been cancelled',
    );
    expect(await status(manageToken)).toBe('cancelled');
    await expectAccessible(page, 'cancelled');

    // A link cut short in the email.
    const notFound = await page.goto(`/manage/${manageToken.slice(0, 20)}`);
    expect(notFound?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('We cannot find your registration');
    await expectAccessible(page, 'manage link not found');

    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets someone invited accept from the email link with one button', async () => {
    const manageToken = `rtm_${randomBytes(32).toString('base64url')}`;
    await api.dataSource.query(
      `INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash, invited_at)
       VALUES ($1, 'alex@example.org', 'Alex Invited', 'educator', 'invited', $2, now())`,
      [eventId, createHash('sha256').update(manageToken).digest('hex')],
    );
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto(`/manage/${manageToken}/accept`);
    await expect(page.locator('h1').innerText()).resolves.toBe(`Can you come to ${TITLE}?`);
    expect(await status(manageToken)).toBe('invited');
    await expectAccessible(page, 'accept an invitation');
    await page.getByRole('button', { name: 'Yes, I can come' }).click();
    await page.waitForURL(`**/manage/${manageToken}?done=accepted`);
    expect(await status(manageToken)).toBe('confirmed');
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'You have a place',
    );
    await expectAccessible(page, 'manage page, invitation accepted');
    await context.close();
  }, 60_000);

  it('shows staff the registrations and the delivery ledger', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto(`/staff/events/${eventId}`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/staff/events/${eventId}`);
    await expect(page.locator('main').innerText()).resolves.toContain('1 with a place (of 1)');
    await expectAccessible(page, 'staff event page with registrations');

    await page.getByRole('link', { name: /See who has registered/ }).click();
    await page.waitForURL(`**/staff/events/${eventId}/registrations`);
    const sam = await page.locator('tbody tr', { hasText: 'Sam Jones' }).innerText();
    expect(sam).toMatch(/sam\.jones@example\.org[\s\S]*Parent or carer[\s\S]*Cancelled/);
    expect(sam).toMatch(/A British Sign Language \(BSL\) interpreter[\s\S]*A chair with arms/);
    await expect(page.locator('tbody tr', { hasText: 'Alex Invited' }).innerText()).resolves.toContain(
      'Place confirmed',
    );
    await expectAccessible(page, 'staff registrations list');
    await page.screenshot({ path: '/tmp/roundtable-staff-registrations.png', fullPage: true });
    await page.getByLabel('Status').selectOption({ label: 'Cancelled (1)' });
    await page.getByRole('button', { name: 'Show people' }).click();
    await page.waitForURL(`**/staff/events/${eventId}/registrations?status=cancelled`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await expectAccessible(page, 'staff registrations list, filtered');
    await page.goto(`/staff/events/${eventId}/registrations?status=vip`);
    expect(await errorSummary(page)).toEqual(['Select a status from the list']);
    await expectAccessible(page, 'staff registrations list, with filter error');

    await page.goto(`/staff/events/${eventId}`);
    await page.getByRole('link', { name: /See messages and their delivery/ }).click();
    await page.waitForURL(`**/staff/events/${eventId}/notifications`);
    const ledger = await page.locator('tbody').innerText();
    expect(ledger).toMatch(/Place confirmed[\s\S]*sam\.jones@example\.org/);
    expect(ledger).toContain('Not needed');
    expect(ledger).toContain('Monday 2 March 2026');
    await expectAccessible(page, 'staff delivery ledger');
    await page.screenshot({ path: '/tmp/roundtable-staff-ledger.png', fullPage: true });
    await context.close();

    expect(scanned).toHaveLength(18);
  }, 120_000);
});
