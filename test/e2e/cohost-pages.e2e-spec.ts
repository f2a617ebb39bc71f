import type { Browser, Page } from 'playwright-core';
import { browserBaseUrl, expectAccessible, launchChromium } from '../support/browser';
import { createEvent, createVenue, publishEvent } from '../support/fixtures';
import { approvedPartner, type SignedInPartner } from '../support/partner-user';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * Co-hosting in a browser: staff add a co-host on the event page and the public event page names
 * it; a partner finds an event it could co-host and asks; staff accept on the co-host requests
 * page and the partner sees it accepted. Every page is scanned with axe-core.
 */

const NOW = new Date('2026-02-02T10:00:00Z');

describe('co-hosting pages, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let firstEventId: string;
  let secondEventId: string;
  let forum: SignedInPartner;

  beforeAll(async () => {
    api = await createTestApi('browser-cohosting', { listen: true, now: NOW });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    const token = await api.tokenFor('admin');
    const venue = await createVenue(api, token, { name: 'Cornbow Hall', accessFeatures: [] });
    const first = await createEvent(api, token, {
      title: 'Waiting for an EHC plan',
      venueId: venue.id,
      startsAt: '2026-03-03T18:00:00.000Z',
      endsAt: '2026-03-03T20:00:00.000Z',
    });
    const second = await createEvent(api, token, {
      title: 'Short breaks for carers',
      venueId: venue.id,
      startsAt: '2026-03-10T18:00:00.000Z',
      endsAt: '2026-03-10T20:00:00.000Z',
    });
    await publishEvent(api, token, first.id);
    await publishEvent(api, token, second.id);
    firstEventId = first.id;
    secondEventId = second.id;
    await approvedPartner(api, 'Halesowen Carers Trust');
    forum = await approvedPartner(api, 'Dudley Parent Carer Forum');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function signIn(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState();
    return page;
  }

  it('staff add a co-host on the event page; the public page names it', async () => {
    const page = await signIn(ADMIN.email, ADMIN.password);
    await page.goto(`/staff/events/${firstEventId}`);
    await expect(page.locator('#cohosts').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'staff event page with the co-hosts section');

    // Sent without a choice: the error says what to do.
    await page.getByRole('button', { name: 'Add co-host' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Select a partner organisation',
    );
    await expectAccessible(page, 'co-hosts section with an error');

    await page.getByLabel('Add a co-host').selectOption({ label: 'Halesowen Carers Trust' });
    await page.getByRole('button', { name: 'Add co-host' }).click();
    await page.waitForURL(`**/staff/events/${firstEventId}?done=cohost-added`);
    await expect(page.locator('[data-cohost-list]').innerText()).resolves.toContain('Halesowen Carers Trust');
    await expectAccessible(page, 'staff event page with a co-host');

    await page.goto(`/events/${firstEventId}`);
    await expect(page.locator('[data-cohosts]').innerText()).resolves.toBe(
      'Hosted with Halesowen Carers Trust',
    );
    await expectAccessible(page, 'public event page naming its co-host');
    await page.context().close();
  });

  it('a partner asks to co-host; staff accept; the partner sees it accepted', async () => {
    const partnerPage = await signIn(forum.email, 'a-partner-password-1');
    await partnerPage.goto('/partner/events/available');
    await expectAccessible(partnerPage, 'events a partner could co-host');
    await partnerPage.getByRole('link', { name: 'Ask to co-host Short breaks for carers' }).click();
    await partnerPage.waitForURL(`**/partner/cohost-requests/new?eventId=${secondEventId}`);
    await expectAccessible(partnerPage, 'ask to co-host form');
    await partnerPage.getByRole('button', { name: 'Send request' }).click();
    await expect(partnerPage.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Tell us why you would like to co-host',
    );
    await expectAccessible(partnerPage, 'ask to co-host form with an error');
    await partnerPage
      .getByLabel('Why would you like to co-host this event?')
      .fill('Many of our members are parent carers in Dudley.');
    await partnerPage.getByRole('button', { name: 'Send request' }).click();
    await partnerPage.waitForURL('**/partner/cohost-requests/sent');
    await expectAccessible(partnerPage, 'request sent');

    const staffPage = await signIn(ADMIN.email, ADMIN.password);
    await staffPage.getByRole('link', { name: 'Co-host requests' }).click();
    await staffPage.waitForURL('**/staff/cohost-requests');
    await expect(staffPage.locator('main').innerText()).resolves.toContain(
      'Many of our members are parent carers in Dudley.',
    );
    await expectAccessible(staffPage, 'co-host requests to answer');
    await staffPage
      .getByRole('button', { name: 'Accept the request from Dudley Parent Carer Forum' })
      .click();
    await staffPage.waitForURL('**/staff/cohost-requests?done=accepted');
    await expect(staffPage.locator('main').innerText()).resolves.toContain('There are no requests waiting');
    await expectAccessible(staffPage, 'co-host requests, all answered');

    await partnerPage.goto('/partner/cohost-requests');
    await expect(partnerPage.locator('[data-request]').innerText()).resolves.toMatch(
      /Short breaks for carers\s*Accepted/,
    );
    await expectAccessible(partnerPage, "the partner's requests");
    await partnerPage.goto(`/events/${secondEventId}`);
    await expect(partnerPage.locator('[data-cohosts]').innerText()).resolves.toBe(
      'Hosted with Dudley Parent Carer Forum',
    );

    // Staff are not a partner: the partner pages are refused them.
    const refused = await staffPage.goto('/partner/events/available');
    expect(refused?.status()).toBe(403);
    await staffPage.context().close();
    await partnerPage.context().close();
  });
});
