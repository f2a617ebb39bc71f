import type { Browser, Page } from 'playwright-core';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessibleAtEveryWidth,
  launchChromium,
} from '../support/browser';
import { seedEvent } from '../support/notification-seed';
import { registrationOf } from '../support/registered';
import { createTestApi, type TestApi } from '../support/test-app';

/**
 * Issue 12, point 3 in a real browser: someone registers for a hybrid event online, bringing two
 * people and leaving a phone number, sees the needs that fit joining online, then changes how many
 * are coming on their manage page. Every page state is scanned with axe-core at 1280 and 390 px
 * wide, and no page is wider than the screen.
 */
describe('the form fits the event, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let base: string;
  let eventId: string;
  const onlineUrl = 'https://meet.example.org/hybrid-e2e-room';

  beforeAll(async () => {
    api = await createTestApi('event-formats-browser', {
      listen: true,
      env: { PUBLIC_RATE_LIMIT: '100000' },
    });
    const event = await seedEvent(api.dataSource, {
      title: 'Transport to school: hybrid',
      onlineUrl,
      capacity: 2,
    });
    eventId = event.id;
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('registers online for a hybrid event with two companions and a phone, then changes the party', async () => {
    await page.goto(`${base}/events/${eventId}/register`);
    await page.getByRole('heading', { level: 1, name: 'Register for this event' }).waitFor();
    expect(await page.content()).not.toContain(onlineUrl);
    await expectAccessibleAtEveryWidth(page, 'hybrid registration form');

    // Nothing chosen, a bad phone and too many companions: every problem at once.
    await page.getByLabel('Your name').fill('Sam Jones');
    await page.getByLabel('Email address').fill('sam.jones@example.org');
    await page.getByLabel('Phone number (optional)').fill('ring me');
    await page.getByLabel('Parent or carer').check();
    await page.getByLabel('How many people are coming with you?').fill('7');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(errorSummary(page)).resolves.toEqual([
      'Enter a phone number like 07700 900123 or +44 7700 900123, using only digits, spaces and a leading +',
      'Select whether you will come in person or join online',
      'Enter how many people are coming with you, as a number from 0 to 4',
    ]);
    await expectAccessibleAtEveryWidth(page, 'hybrid registration form with errors');

    await page.getByLabel('Phone number (optional)').fill('07700 900123');
    await page.getByLabel('Online', { exact: true }).check();
    // Online has its own needs, those that fit a video call; the room's are for those who come.
    await page
      .getByRole('group', { name: 'If you join online, what do you need to be able to take part?' })
      .getByLabel('Live captions')
      .check();
    // Ticked for the room, then they chose online: not read.
    await page.getByLabel('Step-free access').check();
    await page.getByLabel('How many people are coming with you?').fill('2');
    await expectAccessibleAtEveryWidth(page, 'hybrid registration form, online chosen');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(`**/events/${eventId}/register/check-your-email`);

    const [row] = await api.dataSource.query(
      'SELECT status, attendance, companions, phone, access_needs FROM registrations WHERE event_id = $1',
      [eventId],
    );
    expect(row).toEqual({
      status: 'confirmed',
      attendance: 'online',
      companions: 2,
      phone: '07700 900123',
      access_needs: ['captions'],
    });
    // Online, the party takes none of the room's 2 places.
    const [event] = await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [eventId]);
    expect(event.places_taken).toBe(0);

    const { manageToken } = await registrationOf(api, eventId, 'sam.jones@example.org');
    await page.goto(`${base}/manage/${manageToken}`);
    const main = page.getByRole('main');
    await expect(main.getByText('You and 2 other people').count()).resolves.toBe(1);
    await expect(main.getByText('07700 900123').count()).resolves.toBe(1);
    // Their own page gives them the link to join: they take part online and have a place.
    await expect(main.getByRole('link', { name: onlineUrl }).count()).resolves.toBe(1);
    await expectAccessibleAtEveryWidth(page, 'manage page of an online attendee with companions');

    await main.getByRole('link', { name: 'Change how many are coming' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'change how many are coming');
    await page.getByLabel('Change how many people are coming with you').fill('9');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(errorSummary(page)).resolves.toEqual([
      'Enter how many people are coming with you, as a number from 0 to 4',
    ]);
    await expectAccessibleAtEveryWidth(page, 'change how many are coming, with an error');
    await page.getByLabel('Change how many people are coming with you').fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('We know how many people are coming with you').waitFor();
    await expect(page.getByRole('main').getByText('You and 1 other person').count()).resolves.toBe(1);
    await expectAccessibleAtEveryWidth(page, 'manage page after changing the party');
  }, 180_000);
});
