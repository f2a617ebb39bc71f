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
  let hybridEventId: string;

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
    // A hybrid event whose room is full: online is still open.
    const hybrid = await seedEvent(api.dataSource, {
      title: 'Transport to school: in the room and online',
      onlineUrl: 'https://meet.example.org/transport',
      capacity: 1,
      placesTaken: 1,
    });
    hybridEventId = hybrid.id;
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
    // The table scrolls in its own region, so the list fits a phone too.
    await expectAccessibleAtEveryWidth(page, 'registrations list with a registration made by phone');

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

  it('registers someone who phoned to join a hybrid event online, with companions and a phone number', async () => {
    await page.goto(`${base}/staff/events/${hybridEventId}/registrations/new`);
    await page.getByRole('heading', { level: 1, name: 'Register someone who phoned' }).waitFor();
    await page.getByText('All the places in the room have been taken').waitFor();
    await page.getByRole('group', { name: 'Will they come in person or join online?' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'register someone who phoned, hybrid event');

    await page.getByLabel('Their name').fill('Rosa Lind');
    await page.getByLabel('Their email address').fill('rosa.lind@example.org');
    await page.getByLabel('Their phone number (optional)').fill('07700 900321');
    await page.getByLabel('Parent or carer').check();
    await page.getByLabel('How many people are coming with them?').fill('x');
    await page.getByRole('button', { name: 'Register them' }).click();
    await expect(errorSummary(page)).resolves.toEqual([
      'Select whether they will come in person or join online',
      'Enter how many people are coming with them, as a number from 0 to 4',
    ]);
    await expectAccessibleAtEveryWidth(page, 'register someone who phoned, hybrid event, with errors');

    await page.getByLabel('Online', { exact: true }).check();
    await page
      .getByRole('group', { name: /If they join online/ })
      .getByLabel('Live captions')
      .check();
    await page.getByLabel('How many people are coming with them?').fill('2');
    await page.getByRole('button', { name: 'Register them' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Lind has a place' }).waitFor();
    const [row] = await api.dataSource.query(
      'SELECT status, attendance, companions, phone, access_needs FROM registrations WHERE email = $1',
      ['rosa.lind@example.org'],
    );
    expect(row).toMatchObject({
      status: 'confirmed',
      attendance: 'online',
      companions: 2,
      phone: '07700 900321',
      access_needs: ['captions'],
    });
    // Online, they take none of the room's places.
    const [{ places_taken }] = await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [
      hybridEventId,
    ]);
    expect(places_taken).toBe(1);
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
