import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { followingTheWorker, startApiWithWorker, type ApiWithWorker } from '../support/api-with-worker';
import {
  browserBaseUrl,
  errorSummary,
  expectAccessibleAtEveryWidth,
  launchChromium,
} from '../support/browser';
import { bearer, createEvent, createVenue } from '../support/fixtures';
import { eventually, TEST_JOB_POLICY } from '../support/notification-test-bed';
import { ADMIN } from '../support/test-app';

/**
 * Issue 12, point 8 in a real browser: someone who forgot their password gets a link by email
 * (through the SMTP sink) and sets a new one; a signed-in user changes theirs; an admin adds,
 * re-roles and deactivates a member of staff; and staff change a venue. Every page state is
 * scanned with axe-core at 1280 and 390 px wide, and no page is wider than the screen.
 */
describe('staff accounts, passwords and venues, in a browser', () => {
  let world: ApiWithWorker;
  let browser: Browser;
  let base: string;
  let admin: string;
  let made = 0;

  beforeAll(async () => {
    const options = followingTheWorker(TEST_JOB_POLICY);
    world = await startApiWithWorker('browser-accounts', {
      ...options,
      env: { ...options.env, LOGIN_RATE_LIMIT: '100000' },
      listen: true,
    });
    base = browserBaseUrl(await world.api.app.getUrl());
    browser = await launchChromium();
    world.tick();
    admin = (await request(world.api.http).post('/api/v1/auth/login').send(ADMIN).expect(200)).body.token;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  async function organiser(): Promise<{ id: string; email: string; password: string }> {
    made += 1;
    const credentials = {
      email: `browser-staff-${made}@halesowen.test`,
      password: `browser-password-${made}`,
    };
    world.tick();
    const res = await request(world.api.http)
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...credentials, name: 'Robin Organiser', role: 'organiser' })
      .expect(201);
    return { id: res.body.id, ...credentials };
  }

  async function mailedLink(userId: string): Promise<string> {
    const rows = async (): Promise<string[]> =>
      (
        await world.api.dataSource.query(
          `SELECT id FROM notifications WHERE kind = 'password-link' AND subject_id = $1`,
          [userId],
        )
      ).map((row: { id: string }) => row.id);
    await eventually('password link', async () => (await rows()).some((id) => world.sink.for(id).length > 0));
    const [id] = (await rows()).filter((each) => world.sink.for(each).length > 0);
    const match = /\/password\/(rtp_[A-Za-z0-9_-]{43})/.exec(world.sink.for(id)[0].parsed.text ?? '');
    if (!match) throw new Error('no set-password link in the email');
    return match[1];
  }

  async function submit(page: Page, button: string, url: string | RegExp): Promise<void> {
    world.tick();
    await Promise.all([
      page.waitForURL(url),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
  }

  async function signIn(
    page: Page,
    email: string,
    password: string,
    landing: string | RegExp,
  ): Promise<void> {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await submit(page, 'Sign in', landing);
  }

  it('resets a forgotten password from the emailed link, once', async () => {
    const user = await organiser();
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    await page.goto('/sign-in');
    await Promise.all([
      page.waitForURL('**/password/forgot'),
      page.getByRole('link', { name: 'Forgot your password?' }).click(),
    ]);
    await expectAccessibleAtEveryWidth(page, 'forgot password form');
    await submit(page, 'Send me a link', '**/password/forgot');
    await expect(errorSummary(page)).resolves.toEqual(['Enter the email address you sign in with']);
    await expectAccessibleAtEveryWidth(page, 'forgot password form with an error');
    await page.getByLabel('Email address').fill(user.email);
    await submit(page, 'Send me a link', '**/password/forgot');
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await expectAccessibleAtEveryWidth(page, 'reset link sent');

    const token = await mailedLink(user.id);
    await page.goto(`/password/${token}`);
    await expectAccessibleAtEveryWidth(page, 'set a new password');
    await page.getByLabel('New password', { exact: true }).fill('a forgotten password replaced');
    await page.getByLabel('Type the password again').fill('a forgotten password replaced');
    await submit(page, 'Set password', '**/sign-in?passwordSet=1');
    await signIn(page, user.email, 'a forgotten password replaced', '**/staff/events');

    await page.goto(`/password/${token}`);
    await page.getByText('already been used').first().waitFor();
  }, 120_000);

  it('changes the password of the signed-in user, after a wrong current password', async () => {
    const user = await organiser();
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    await page.goto('/sign-in');
    await signIn(page, user.email, user.password, '**/staff/events');
    await Promise.all([
      page.waitForURL('**/account/password'),
      page.getByRole('link', { name: 'Change password' }).click(),
    ]);
    await expectAccessibleAtEveryWidth(page, 'change password form');
    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password', { exact: true }).fill('a changed browser password');
    await page.getByLabel('Type the new password again').fill('a changed browser password');
    await submit(page, 'Change password', '**/account/password');
    await expect(errorSummary(page)).resolves.toEqual([
      'Your current password is not right. Check it and try again',
    ]);
    await expectAccessibleAtEveryWidth(page, 'change password form with an error');
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password', { exact: true }).fill('a changed browser password');
    await page.getByLabel('Type the new password again').fill('a changed browser password');
    await submit(page, 'Change password', '**/account/password?changed=1');
    await page.getByText('Your password has been changed').waitFor();
    await expectAccessibleAtEveryWidth(page, 'password changed');
  }, 120_000);

  it('lets an admin add, re-role and deactivate a member of staff', async () => {
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    await page.goto('/sign-in');
    await signIn(page, ADMIN.email, ADMIN.password, '**/staff/events');
    await Promise.all([
      page.waitForURL('**/staff/users'),
      page.getByRole('link', { name: 'Staff accounts' }).click(),
    ]);
    await expectAccessibleAtEveryWidth(page, 'staff accounts');
    await Promise.all([
      page.waitForURL('**/staff/users/new'),
      page.getByRole('button', { name: 'Add a staff user' }).click(),
    ]);
    await submit(page, 'Add and email them', '**/staff/users/new');
    await expect(errorSummary(page)).resolves.toHaveLength(3);
    await expectAccessibleAtEveryWidth(page, 'add a staff user with errors');
    await page.getByLabel('Full name').fill('Ash Newcomer');
    await page.getByLabel('Email address').fill('ash.newcomer@halesowen.test');
    await page.getByLabel('Organiser').check();
    await submit(page, 'Add and email them', '**/staff/users?done=added');
    await page.getByText('They have been emailed a link').waitFor();
    await expectAccessibleAtEveryWidth(page, 'staff user added');

    await Promise.all([
      page.waitForURL(/\/staff\/users\/[0-9a-f-]{36}$/),
      page.getByRole('link', { name: 'Change Ash Newcomer' }).click(),
    ]);
    await expectAccessibleAtEveryWidth(page, 'a staff account');
    await page.getByLabel('Admin').check();
    await submit(page, 'Save changes', '**/staff/users?done=changed');
    const row = page.getByRole('row', { name: /Ash Newcomer/ });
    await expect(row.innerText()).resolves.toContain('Admin');

    await Promise.all([
      page.waitForURL(/\/staff\/users\/[0-9a-f-]{36}$/),
      page.getByRole('link', { name: 'Change Ash Newcomer' }).click(),
    ]);
    await submit(page, 'Deactivate Ash Newcomer', '**/staff/users?done=deactivated');
    await expect(row.innerText()).resolves.toContain('Deactivated');
    await expectAccessibleAtEveryWidth(page, 'staff user deactivated');
  }, 120_000);

  it('changes a venue, showing the capacity rule on the form first', async () => {
    world.tick();
    const venue = await createVenue(world.api, admin, { name: 'Lapal Village Hall', capacity: 50 });
    await createEvent(world.api, admin, { venueId: venue.id, capacity: 30, title: 'Transport to school' });
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    await page.goto('/sign-in?next=/staff/venues');
    await signIn(page, ADMIN.email, ADMIN.password, '**/staff/venues');
    await expectAccessibleAtEveryWidth(page, 'venues with change links');
    await Promise.all([
      page.waitForURL(`**/staff/venues/${venue.id}/edit`),
      page.getByRole('link', { name: 'Change Lapal Village Hall' }).click(),
    ]);
    await expectAccessibleAtEveryWidth(page, 'venue form');
    await page.getByLabel('Capacity').fill('20');
    await submit(page, 'Save changes', `**/staff/venues/${venue.id}/edit`);
    await expect(errorSummary(page)).resolves.toEqual([
      'Capacity must be at least 30: “Transport to school” plans for that many places here. Lower that event’s capacity first',
    ]);
    await expectAccessibleAtEveryWidth(page, 'venue form with the capacity rule');
    await page.getByLabel('Capacity').fill('35');
    await submit(page, 'Save changes', '**/staff/venues?updated=1');
    await page.getByText('Venue changed.').waitFor();
    await expectAccessibleAtEveryWidth(page, 'venue changed');
  }, 120_000);
});
