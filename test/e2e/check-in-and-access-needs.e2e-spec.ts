import type { Browser } from 'playwright-core';
import request from 'supertest';
import { browserBaseUrl, expectAccessible, launchChromium } from '../support/browser';
import { createEvent, createVenue, publishEvent } from '../support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * On the day: staff see a late access need on the event page, mark it arranged with a note (the
 * attendee's email is planned), and check people in at the door, undoing one by mistake. Every
 * page is scanned with axe-core and must have no violations.
 */

// Registrations open three weeks before; the event is on Tuesday 20 January 2026 at 6pm (GMT).
const REGISTERED_AT = new Date('2025-12-30T10:00:00Z');
const EVENT_DAY = new Date('2026-01-20T09:00:00Z');
const STARTS_AT = '2026-01-20T18:00:00.000Z';
const ENDS_AT = '2026-01-20T20:00:00.000Z';

describe('check-in and access needs, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let eventId: string;
  const people = ['Jo Carer', 'Sam Parent', 'Alex Teacher'];

  beforeAll(async () => {
    api = await createTestApi('browser-check-in', { listen: true, now: REGISTERED_AT });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    const token = await api.tokenFor('admin');
    const venue = await createVenue(api, token, { name: 'Cornbow Hall', accessFeatures: [] });
    const event = await createEvent(api, token, {
      title: 'Waiting for an EHC plan',
      venueId: venue.id,
      startsAt: STARTS_AT,
      endsAt: ENDS_AT,
    });
    await publishEvent(api, token, event.id);
    eventId = event.id;
    for (const [n, name] of people.entries()) {
      await request(api.http)
        .post(`/api/v1/public/events/${eventId}/registrations`)
        .send({
          name,
          email: `person.${n}@example.org`,
          role: 'parent_carer',
          accessNeeds: n === 0 ? ['bsl_interpreter'] : [],
        })
        .expect(202);
    }
    api.clock.set(EVENT_DAY);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows a late need, arranges it with a note, and checks people in and out again', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/events');

    // The BSL interpreter was due 14 days before: it is late, and the event page says so.
    await page.goto(`/staff/events/${eventId}`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      '1 access need is late',
    );
    await expectAccessible(page, 'event page with a late access need');
    await page.getByRole('link', { name: 'Arrange the access needs' }).click();
    await page.waitForURL(`**/staff/events/${eventId}/access-needs`);
    const task = page.locator('.rt-access-task');
    await expect(task.innerText()).resolves.toMatch(
      /A British Sign Language \(BSL\) interpreter for Jo Carer\s*Late\s*Due by Tuesday 6 January 2026/,
    );
    await expectAccessible(page, 'access needs, one late');

    await page
      .getByLabel('Note for Jo Carer (optional)')
      .fill('Chris, your interpreter, will meet you at the door.');
    await page.getByRole('button', { name: /Mark arranged/ }).click();
    await page.waitForURL('**/access-needs?done=arranged');
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      'Marked as arranged',
    );
    await expect(page.locator('table').innerText()).resolves.toMatch(
      /Jo Carer\s*Arranged[\s\S]*Chris, your interpreter/,
    );
    expect(await page.locator('.govuk-tag--red').count()).toBe(0);
    await expectAccessible(page, 'access needs, arranged');
    const [row] = await api.dataSource.query(
      "SELECT payload FROM notifications WHERE event_id = $1 AND kind = 'access-arranged'",
      [eventId],
    );
    expect(row.payload).toMatchObject({
      arranged: ['a British Sign Language (BSL) interpreter'],
      note: 'Chris, your interpreter, will meet you at the door.',
    });

    // At the door.
    await page.goto(`/staff/events/${eventId}`);
    await page.getByRole('link', { name: /Check people in/ }).click();
    await page.waitForURL(`**/staff/events/${eventId}/check-in`);
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe(
      '0 of 3 people with a place checked in.',
    );
    await expectAccessible(page, 'check-in, nobody yet');

    await page.getByRole('button', { name: 'Mark attended' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Select the people who have arrived',
    );
    await expectAccessible(page, 'check-in, nobody selected');

    await page.getByLabel('Jo Carer').check();
    await page.getByLabel('Sam Parent').check();
    await page.getByRole('button', { name: 'Mark attended' }).click();
    await page.waitForURL('**/check-in?done=marked&count=2');
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      '2 people checked in.',
    );
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe(
      '2 of 3 people with a place checked in.',
    );
    expect(await page.getByLabel('Alex Teacher').count()).toBe(1);
    await expectAccessible(page, 'check-in, two arrived');

    await page.getByRole('button', { name: 'Undo check-in for Sam Parent' }).click();
    await page.waitForURL('**/check-in?done=undone');
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe(
      '1 of 3 people with a place checked in.',
    );
    await expect(page.getByLabel('Sam Parent').isChecked()).resolves.toBe(false);
    await expectAccessible(page, 'check-in, one undone');

    // Every form is CSRF-protected: a post without the form's token changes nothing.
    const forged = [
      page.request.post(`/staff/events/${eventId}/check-in`, { form: { registrationIds: people[0] } }),
      page.request.post(`/staff/events/${eventId}/check-in/00000000-0000-4000-8000-000000000000/undo`),
      page.request.post(`/staff/access-tasks/00000000-0000-4000-8000-000000000000/arrange`, {
        form: { note: 'x' },
      }),
    ];
    for (const response of await Promise.all(forged)) expect(response.status()).toBe(403);

    const statuses = await api.dataSource.query(
      'SELECT name, status FROM registrations WHERE event_id = $1 ORDER BY name',
      [eventId],
    );
    expect(statuses).toEqual([
      { name: 'Alex Teacher', status: 'confirmed' },
      { name: 'Jo Carer', status: 'attended' },
      { name: 'Sam Parent', status: 'confirmed' },
    ]);
    await context.close();
  }, 120_000);
});
