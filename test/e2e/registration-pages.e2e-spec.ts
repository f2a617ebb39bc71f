import type { TestingModule } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessible as expectPageAccessible,
  launchChromium,
} from '../support/browser';
import { bearer, createEvent, createVenue, publishEvent } from '../support/fixtures';
import { manageTokenIn } from '../support/manage-link-in-mail';
import { eventually, TEST_JOB_POLICY } from '../support/notification-test-bed';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';
import { startWorkerBesideApi } from '../support/worker-beside-api';

/**
 * Registering in a real browser: a parent finds a published event, registers (getting the form
 * wrong first), is told to check their email, follows the link in the confirmation email (read
 * from an SMTP sink; the real worker sends it) to their private manage page, changes their access
 * needs and cancels (with the "are you sure?" step), then asks for their link again. Someone
 * invited accepts from the link in their invitation email. Staff then see the registrations and
 * the delivery ledger. Every page visited, error states included, is scanned with axe-core and
 * must have no violations.
 */

// A Monday in March, before the clocks go forward (GMT, so UK time equals UTC).
const NOW = new Date('2026-03-02T10:00:00Z');
const TITLE = 'Autism assessments: a listening event for Cradley families';

describe('registration pages, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let eventId: string;
  let sink: SmtpSink;
  let worker: TestingModule;
  const scanned: string[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    api = await createTestApi('registration-browser', {
      listen: true,
      now: NOW,
      env: { SMTP_URL: sink.url, MAIL_FROM: 'Halesowen Constituency Office <office@roundtable.test>' },
    });
    // The worker sends what is queued now (a job per row, due at once); its sweep, which would
    // also send the reminders (due in this test's March, long past by the real clock), waits a day.
    worker = await startWorkerBesideApi({
      ...TEST_JOB_POLICY,
      sweep: { ...TEST_JOB_POLICY.sweep, everyMs: 86_400_000, horizonMs: 0 },
    });
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
    await worker?.close();
    await api?.close();
    await sink?.stop();
  });

  /** Waits for the email of a kind to an address, as the person would find it in their inbox. */
  async function emailTo(email: string, kind: string): Promise<ReceivedMail> {
    const mails = async () => {
      const rows: Array<{ id: string }> = await api.dataSource.query(
        'SELECT id FROM notifications WHERE recipient_email = $1 AND kind = $2 ORDER BY created_at DESC',
        [email, kind],
      );
      return rows.flatMap((row) => sink.for(row.id));
    };
    await eventually(`a ${kind} email`, async () => (await mails()).length > 0);
    return (await mails())[0]!;
  }

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
    // The same page for everyone: the email, not the page, says what happened.
    await page.waitForURL(`**/events/${eventId}/register/check-your-email`);
    await expect(page.locator('.govuk-panel').innerText()).resolves.toContain('Check your email');
    expect(page.url()).not.toContain('rtm_');
    await expect(page.locator('main').innerText()).resolves.toContain('spam');
    await expectAccessible(page, 'check your email');
    await page.screenshot({ path: '/tmp/roundtable-registration-check-email.png', fullPage: true });

    // The confirmation email carries the private link, in its text and its HTML.
    const confirmation = await emailTo('sam.jones@example.org', 'confirmation');
    expect(confirmation.parsed.subject).toContain('Your place is booked');
    const manageToken = manageTokenIn(confirmation);
    await page.goto(`/manage/${manageToken}`);
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

  it('sends a lost link again from the event page, saying the same whatever the address', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto(`/events/${eventId}`);
    await page.getByRole('link', { name: 'Lost your link? Get it sent again' }).click();
    await page.waitForURL(`**/events/${eventId}/manage-link`);
    await expectAccessible(page, 'get your link sent again');

    await page.getByRole('button', { name: 'Send my link' }).click();
    expect(await errorSummary(page)).toEqual(['Enter your email address']);
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Send my link' }).click();
    expect(await errorSummary(page)).toEqual([
      'Enter an email address in the correct format, like name@example.org',
    ]);
    await expectAccessible(page, 'get your link sent again, with errors');

    await page.getByLabel('Email address').fill('Sam.Jones@example.org');
    await page.getByRole('button', { name: 'Send my link' }).click();
    await page.waitForURL(`**/events/${eventId}/manage-link/sent`);
    const sentPage = await page.locator('main').innerText();
    await expectAccessible(page, 'link sent');

    // An address with no registration gets the very same page, and no email.
    await page.goto(`/events/${eventId}/manage-link`);
    await page.getByLabel('Email address').fill('nobody.here@example.org');
    await page.getByRole('button', { name: 'Send my link' }).click();
    await page.waitForURL(`**/events/${eventId}/manage-link/sent`);
    await expect(page.locator('main').innerText()).resolves.toBe(sentPage);

    // Sam's email says where they stand (cancelled) and links to their own page.
    const again = await emailTo('sam.jones@example.org', 'manage-link');
    expect(again.parsed.text).toContain('You cancelled your place before');
    await page.goto(`/manage/${manageTokenIn(again)}`);
    await expect(page.locator('main').innerText()).resolves.toContain('You cancelled your registration.');
    const [{ n }] = await api.dataSource.query(
      "SELECT count(*)::int AS n FROM notifications WHERE kind = 'manage-link'",
    );
    expect(n).toBe(1);

    // From the page a broken link shows, which does not know the event: links to every event to come.
    await page.goto(`/manage/${manageTokenIn(again).slice(0, 20)}`);
    await page.getByRole('link', { name: 'Get your link sent again' }).click();
    await page.waitForURL('**/manage-link');
    await expectAccessible(page, 'get your links sent again, any event');
    await page.getByLabel('Email address').fill('sam.jones@example.org');
    await page.getByRole('button', { name: 'Send my link' }).click();
    await page.waitForURL('**/manage-link/sent');
    await expect(page.locator('main').innerText()).resolves.toContain('any event still to come');
    await expectAccessible(page, 'links sent, any event');
    await eventually('a second link email', async () => {
      const [{ sent }] = await api.dataSource.query(
        "SELECT count(*)::int AS sent FROM notifications WHERE kind = 'manage-link' AND status = 'sent'",
      );
      return sent === 2;
    });
    await context.close();
  }, 60_000);

  it('lets someone invited accept from the email link with one button', async () => {
    await request(api.http)
      .post(`/api/v1/events/${eventId}/invitations`)
      .set(bearer(await api.tokenFor('admin')))
      .send({ contacts: [{ name: 'Alex Invited', email: 'alex@example.org' }] })
      .expect(201);
    const invitation = await emailTo('alex@example.org', 'invitation');
    const manageToken = manageTokenIn(invitation);
    expect(invitation.parsed.text).toContain(`/manage/${manageToken}/accept`);
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

    expect(scanned).toHaveLength(23);
  }, 120_000);
});
