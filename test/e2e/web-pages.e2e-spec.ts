import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessible as expectPageAccessible,
  launchChromium,
} from '../support/browser';
import { createEvent, slot } from '../support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * The web pages in a real browser: a member of staff signs in, adds a venue, drafts an event
 * (first getting the form wrong), publishes it, and the public finds it. Every page on the way is
 * scanned with axe-core and must have no accessibility violations: many of the people who use
 * Roundtable are disabled, or caring for someone who is, and tired.
 */

// A Monday in March, before the clocks go forward (GMT, so UK time equals UTC).
const NOW = new Date('2026-03-02T10:00:00Z');
const EVENT = {
  title: 'Waiting for an EHC plan: a listening event for Halesowen families',
  day: '16',
  month: '3',
  year: '2026',
  when: 'Monday 16 March 2026, 6:30pm to 8pm',
  // The joining link must never reach a public page.
  onlineUrl: 'https://meet.example.org/private-room-4821',
};
const VENUE = {
  name: 'Cornbow Hall',
  address: 'Hagley Street, Halesowen',
  postcode: 'b63 3ag',
  capacity: '60',
};

// A browser journey takes longer than jest's default five seconds (the project's testTimeout is not
// applied to projects by this version of jest).
describe('web pages, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const scanned: string[] = [];

  beforeAll(async () => {
    api = await createTestApi('browser', { listen: true, now: NOW });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
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

  it('lets staff sign in, add a venue, draft and publish an event, and the public find it', async () => {
    const staff: BrowserContext = await browser.newContext({ baseURL: base });
    const page = await staff.newPage();
    // Scripts blocked by the Content-Security-Policy or failing, and styles, scripts or fonts that
    // do not load, are collected here. (Pages answered 4xx, such as a form with errors, are fine.)
    const consoleErrors: string[] = [];
    const watch = (watched: Page) => {
      watched.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          consoleErrors.push(message.text());
      });
      watched.on('pageerror', (error) => consoleErrors.push(error.message));
      watched.on('response', (response) => {
        if (response.request().resourceType() !== 'document' && response.status() >= 400) {
          consoleErrors.push(`${response.status()} for ${response.url()}`);
        }
      });
    };
    watch(page);

    // A staff page sends a signed-out visitor to sign in, and back again afterwards.
    await page.goto('/staff/events');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.locator('h1').innerText()).resolves.toBe('Sign in to Roundtable');
    await expectAccessible(page, 'sign in');
    // GOV.UK Frontend's JavaScript runs: the nonce'd inline script marks the body, and the
    // password input gets its Show button.
    await expect(
      page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Show password' }).waitFor();

    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await errorSummary(page)).toEqual(['Enter your email address', 'Enter your password']);
    await expectAccessible(page, 'sign in, with errors');

    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/events');
    const cookies = await staff.cookies();
    expect(cookies.find((cookie) => cookie.name === 'rt_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(cookies.find((cookie) => cookie.name === 'rt_csrf')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    await expectAccessible(page, 'events list');

    // Our own brand, not GOV.UK's.
    await expect(page.locator('.rt-header__name').innerText()).resolves.toContain('Roundtable');
    expect(
      await page.locator('.govuk-header, .govuk-header__logotype, .govuk-footer__copyright-logo').count(),
    ).toBe(0);
    expect(await page.title()).toBe('Events – Roundtable');

    // A venue, getting the postcode wrong first: the service's refusal appears by the field.
    await page.getByRole('link', { name: 'Venues', exact: true }).click();
    await page.waitForURL('**/staff/venues');
    await expectAccessible(page, 'venues list, empty');
    await page.getByRole('button', { name: 'Add a venue' }).click();
    await page.waitForURL('**/staff/venues/new');
    await expectAccessible(page, 'add a venue');
    await page.getByLabel('Name').fill(VENUE.name);
    await page.getByLabel('Address').fill(VENUE.address);
    await page.getByLabel('Postcode').fill('HALESOWEN');
    await page.getByLabel('Area').selectOption({ label: 'Halesowen North' });
    await page.getByLabel('Capacity').fill(VENUE.capacity);
    await page.getByLabel('Step-free access').check();
    await page.getByLabel('Hearing loop').check();
    await page.getByRole('button', { name: 'Add venue' }).click();
    expect(await errorSummary(page)).toEqual(['Enter a real UK postcode, like B63 4AZ']);
    await expect(page.locator('#postcode-error').innerText()).resolves.toContain('Enter a real UK postcode');
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe(VENUE.name);
    await expect(page.getByLabel('Hearing loop').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'add a venue, with errors');
    await page.getByLabel('Postcode').fill(VENUE.postcode);
    await page.getByRole('button', { name: 'Add venue' }).click();
    await page.waitForURL('**/staff/venues?added=1');
    const venueRow = page.locator('tbody tr', { hasText: VENUE.name });
    await expect(venueRow.innerText()).resolves.toMatch(
      /B63 3AG[\s\S]*Halesowen North[\s\S]*60[\s\S]*Step-free access[\s\S]*Hearing loop/,
    );
    await expectAccessible(page, 'venues list');

    // An event, submitted with mistakes first: GOV.UK's error summary and a message by each field.
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByRole('button', { name: 'Create an event' }).click();
    await page.waitForURL('**/staff/events/new');
    await expectAccessible(page, 'create an event');
    await page.getByLabel('Day').fill(EVENT.day);
    await page.getByLabel('Month').fill(EVENT.month);
    await page.getByLabel('Year').fill(EVENT.year);
    await page.getByLabel('Start time').fill('18:30');
    await page.getByLabel('End time').fill('17:00');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    expect(await errorSummary(page)).toEqual([
      'Enter a title for the event',
      'Select what kind of event this is',
      'The end time must be after the start time',
      'Select a venue, or Online only',
    ]);
    await expect(page.locator('#title-error').innerText()).resolves.toContain('Enter a title for the event');
    await expect(page.locator('#kind-error').innerText()).resolves.toContain(
      'Select what kind of event this is',
    );
    await expect(page.locator('#endTime-error').innerText()).resolves.toContain(
      'The end time must be after the start time',
    );
    await expect(page.locator('#venueId-error').innerText()).resolves.toContain(
      'Select a venue, or Online only',
    );
    // What was typed is kept, and the summary's links lead to the fields.
    await expect(page.getByLabel('Start time').inputValue()).resolves.toBe('18:30');
    await expect(page.getByLabel('Day').inputValue()).resolves.toBe(EVENT.day);
    await expect(page.locator('.govuk-error-summary a').first().getAttribute('href')).resolves.toBe('#title');
    expect(await page.title()).toBe('Error: Create an event – Roundtable');
    await expectAccessible(page, 'create an event, with errors');
    await page.screenshot({ path: '/tmp/roundtable-event-errors.png', fullPage: true });

    await page.getByLabel('Title').fill(EVENT.title);
    await page.getByLabel('Listening event').check();
    await page
      .getByLabel('Description (optional)')
      .fill('Tell us what the wait has been like.\n\nTea, coffee and a quiet room.');
    await page.getByLabel('End time').fill('20:00');
    await page
      .getByLabel('Venue', { exact: true })
      .selectOption({ label: `${VENUE.name}, Halesowen North (holds 60)` });
    await page.getByLabel('Online link').fill(EVENT.onlineUrl);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/staff\/events\/[0-9a-f-]{36}\?done=created$/);
    const eventId = /\/staff\/events\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'Event created as a draft',
    );
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toMatch(
      new RegExp(
        `Draft[\\s\\S]*${EVENT.when}[\\s\\S]*In person and online[\\s\\S]*${VENUE.name}[\\s\\S]*60 people`,
      ),
    );
    await expectAccessible(page, 'event page (staff), draft');

    // The list shows it, in UK time, with its status.
    await page.getByRole('link', { name: 'All events' }).click();
    const eventRow = page.locator('tbody tr', { hasText: EVENT.title });
    await expect(eventRow.innerText()).resolves.toMatch(
      new RegExp(`${EVENT.when}[\\s\\S]*${VENUE.name}, Halesowen North, and online[\\s\\S]*Draft`),
    );

    // Filters are checked like any form.
    await page.goto('/staff/events?from-day=31&from-month=2&from-year=2026&area=atlantis');
    expect(await errorSummary(page)).toEqual([
      'From date must be a real date',
      'Select an area from the list',
    ]);
    await expectAccessible(page, 'events list, with filter errors');
    await page.goto(
      '/staff/events?from-day=16&from-month=3&from-year=2026&to-day=16&to-month=3&to-year=2026&status=draft',
    );
    await expect(page.locator('tbody tr', { hasText: EVENT.title }).count()).resolves.toBe(1);

    // The edit form comes back filled in, in UK time.
    await page.goto(`/staff/events/${eventId}/edit`);
    await expect(page.getByLabel('Start time').inputValue()).resolves.toBe('18:30');
    await expect(page.getByLabel('Venue', { exact: true }).inputValue()).resolves.not.toBe('');
    await expectAccessible(page, 'change an event');

    // The cancel page asks for a reason (and this one is not cancelled).
    await page.goto(`/staff/events/${eventId}/cancel`);
    await expectAccessible(page, 'cancel an event');
    await page.getByRole('button', { name: 'Cancel event' }).click();
    expect(await errorSummary(page)).toEqual(['Enter why the event is cancelled']);
    await expectAccessible(page, 'cancel an event, with errors');

    // Publish it.
    await page.goto(`/staff/events/${eventId}`);
    await page.getByRole('button', { name: 'Publish event' }).click();
    await page.waitForURL(`**/staff/events/${eventId}?done=published`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'Event published',
    );
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toContain('Published');
    await expectAccessible(page, 'event page (staff), published');
    await page.screenshot({ path: '/tmp/roundtable-staff-event.png', fullPage: true });

    // Anyone can now find it, without signing in, and without the joining link.
    const visitor = await browser.newContext({ baseURL: base });
    const publicPage = await visitor.newPage();
    watch(publicPage);
    await publicPage.goto('/');
    expect(new URL(publicPage.url()).pathname).toBe('/events');
    const listing = publicPage.locator('.rt-event-list__item', { hasText: EVENT.title });
    await expect(listing.innerText()).resolves.toMatch(
      new RegExp(`Listening event[\\s\\S]*${EVENT.when}[\\s\\S]*${VENUE.name}, Halesowen North`),
    );
    await expectAccessible(publicPage, 'upcoming events');
    await publicPage.screenshot({ path: '/tmp/roundtable-public-list.png', fullPage: true });

    await listing.getByRole('link', { name: EVENT.title }).click();
    await publicPage.waitForURL(`**/events/${eventId}`);
    await expect(publicPage.locator('h1').innerText()).resolves.toBe(EVENT.title);
    const body = await publicPage.locator('main').innerText();
    expect(body).toContain(`${EVENT.when} (UK time)`);
    expect(body).toMatch(/Hagley Street, Halesowen[\s\S]*B63 3AG/);
    expect(body).toMatch(/Step-free access[\s\S]*Hearing loop/);
    expect(body).toContain('Tell us what the wait has been like.');
    expect(await publicPage.content()).not.toContain(EVENT.onlineUrl);
    await expect(
      publicPage.getByRole('link', { name: /Add to your calendar/ }).getAttribute('href'),
    ).resolves.toBe(`/api/v1/events/${eventId}/calendar.ics`);
    await expectAccessible(publicPage, 'event page (public)');
    await publicPage.screenshot({ path: '/tmp/roundtable-public-event.png', fullPage: true });

    // Unknown and malformed ids are a 404 page, never a 500.
    const notAnId = await publicPage.goto('/events/not-an-id');
    expect(notAnId?.status()).toBe(404);
    await expect(publicPage.locator('h1').innerText()).resolves.toBe('Page not found');
    await expectAccessible(publicPage, '404 page');
    await publicPage.screenshot({ path: '/tmp/roundtable-404.png' });
    expect((await publicPage.goto('/events/3f2b9c4e-0000-4000-8000-000000000000'))?.status()).toBe(404);
    // A draft has no public page.
    expect((await staffOnlyDraft(page))?.status()).toBe(404);

    expect(consoleErrors).toEqual([]);
    await visitor.close();
    await staff.close();
    expect(scanned).toHaveLength(18);

    async function staffOnlyDraft(staffPage: Page) {
      const draft = await createEvent(api, await api.tokenFor('admin'), {
        title: 'A draft',
        ...slot(api, 30),
      });
      await staffPage.goto(`/staff/events/${draft.id}`);
      await expect(staffPage.locator('h1').innerText()).resolves.toBe('A draft');
      return publicPage.goto(`/events/${draft.id}`);
    }
  }, 120_000);
});
