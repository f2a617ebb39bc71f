import type { Browser, Page } from 'playwright-core';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessible,
  expectAccessibleAtEveryWidth,
  launchChromium,
} from '../support/browser';
import { seedEvent, seedRegistration } from '../support/notification-seed';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * Issue 12, point 6 in a real browser: a member of staff registers a parent who phoned (from the
 * registrations list, with the public form's checks said of "them"), sees who has a place and that
 * they made it; then, on the check-in page on the day, records a walk-in (over capacity, with a
 * warning) and removes one recorded by mistake. Every page state is scanned with axe-core at 1280
 * and 390 px wide, and no page is wider than the screen.
 */
describe('people who phone or walk in, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let base: string;
  let phoneEventId: string;
  let todayEventId: string;

  beforeAll(async () => {
    // The test clock: 15 January 2026, midday (GMT).
    api = await createTestApi('phone-and-walk-in-browser', {
      listen: true,
      env: { PUBLIC_RATE_LIMIT: '100000' },
    });
    const phoneEvent = await seedEvent(api.dataSource, {
      title: 'Post-16 places: a roundtable',
      capacity: 1,
    });
    phoneEventId = phoneEvent.id;
    const startsAt = new Date('2026-01-15T18:00:00Z');
    const today = await seedEvent(api.dataSource, {
      title: 'Waiting for an EHC plan: tonight',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      capacity: 1,
      placesTaken: 1,
    });
    todayEventId = today.id;
    await seedRegistration(api.dataSource, today, 'confirmed', { name: 'Adam Ashby', role: 'educator' });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('registers a parent who phoned, from the registrations list', async () => {
    await page.goto(`${base}/staff/events/${phoneEventId}/registrations`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Register someone who phoned' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register someone who phoned' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'register someone who phoned');

    await page.getByRole('button', { name: 'Register them' }).click();
    await expect(errorSummary(page)).resolves.toEqual([
      'Enter their name',
      'Enter their email address',
      'Select which of these describes them best',
    ]);
    await expectAccessibleAtEveryWidth(page, 'register someone who phoned, with errors');

    await page.getByLabel('Their name').fill('Priya Shah');
    await page.getByLabel('Their email address').fill('priya.shah@example.org');
    await page.getByLabel('Parent or carer').check();
    await page.getByLabel('A British Sign Language (BSL) interpreter').check();
    await page.getByRole('button', { name: 'Register them' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priya Shah has a place' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'registered on their behalf');

    await page.getByRole('link', { name: 'See everyone registered' }).click();
    const row = page.getByRole('row', { name: /Priya Shah/ });
    await expect(row.innerText()).resolves.toMatch(/Registered by .+ \(by phone\)/);
    // axe at desktop width only: the registrations table's fit on a phone is issue 12, point 10's.
    await expectAccessible(page, 'registrations list with a registration made by phone');

    // The only place is taken: the next caller joins the waiting list, told as much.
    await page.getByRole('link', { name: 'Register someone who phoned' }).click();
    await page.getByText('All the places have been taken').waitFor();
    await page.getByLabel('Their name').fill('Tom Reed');
    await page.getByLabel('Their email address').fill('priya.shah@example.org');
    await page.getByLabel('Young person').check();
    await page.getByRole('button', { name: 'Add them to the waiting list' }).click();
    await expect(errorSummary(page)).resolves.toEqual([
      'This email address already has a registration for this event (they have a place): check them in from the list instead',
    ]);
    await page.getByLabel('Their email address').fill('tom.reed@example.org');
    await page.getByRole('button', { name: 'Add them to the waiting list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tom Reed is on the waiting list' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'on the waiting list on their behalf');
  }, 300_000);

  it('records a walk-in at check-in, beyond capacity with a warning, and removes one recorded by mistake', async () => {
    await page.goto(`${base}/staff/events/${todayEventId}/check-in`);
    await page.getByRole('heading', { level: 2, name: 'Record a walk-in' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'check-in with the walk-in form');

    await page.getByRole('button', { name: 'Record walk-in' }).click();
    await expect(errorSummary(page)).resolves.toEqual(['Enter their name']);
    await expectAccessibleAtEveryWidth(page, 'walk-in form with an error');

    await page.getByLabel('Their name').fill('Sam Walker');
    await page.getByLabel('Young person').check();
    await page.getByLabel('A quiet room').check();
    await page.getByRole('button', { name: 'Record walk-in' }).click();
    await page.getByText(/Walk-in recorded and checked in\. Every place was already taken/).waitFor();
    await page.getByText('Sam Walker (walked in)').waitFor();
    await expectAccessibleAtEveryWidth(page, 'walk-in recorded beyond capacity');

    await page.getByRole('button', { name: 'Remove walk-in for Sam Walker' }).click();
    await page.getByText('Walk-in removed.').waitFor();
    await expect(page.getByText('Sam Walker (walked in)').count()).resolves.toBe(0);
    await expectAccessibleAtEveryWidth(page, 'walk-in removed');
  }, 300_000);
});
