import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { followingTheWorker, startApiWithWorker, type ApiWithWorker } from '../support/api-with-worker';
import { browserBaseUrl, errorSummary, expectAccessible, launchChromium } from '../support/browser';
import { bearer, createEvent, publishEvent } from '../support/fixtures';
import { eventually, TEST_JOB_POLICY } from '../support/notification-test-bed';
import { ADMIN } from '../support/test-app';

const CONTACT = 'pat@carers-together.example';
const PASSWORD = 'three unrelated words 2026';

/**
 * A partner organisation registers through the public form; a member of staff approves it on the
 * staff pages; the contact opens the emailed link, sets a password, and once staff make it a
 * co-host, signs in on the page and sees the event on its home page.
 * Every page on the way is scanned with axe-core and must have no violations.
 */
describe('partner onboarding, in a browser', () => {
  let world: ApiWithWorker;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const options = followingTheWorker(TEST_JOB_POLICY);
    world = await startApiWithWorker('browser-partner-onboarding', { ...options, listen: true });
    base = browserBaseUrl(await world.api.app.getUrl());
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  async function mailLink(kind: string): Promise<string> {
    const rows = async (): Promise<string[]> =>
      (await world.api.dataSource.query('SELECT id FROM notifications WHERE kind = $1', [kind])).map(
        (row: { id: string }) => row.id,
      );
    await eventually(kind, async () => (await rows()).some((id) => world.sink.for(id).length > 0));
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

  it('registers, is approved by staff, sets a password from the emailed link and signs in', async () => {
    const visitor = await (await browser.newContext({ baseURL: base })).newPage();
    await visitor.goto('/events');
    await Promise.all([
      visitor.waitForURL('**/partners/register'),
      visitor.getByRole('link', { name: 'Register a partner organisation' }).click(),
    ]);
    await expectAccessible(visitor, 'registration form');

    await visitor.getByLabel('Organisation name').fill('Halesowen Carers Together');
    await visitor.getByLabel('Charity number (optional)').fill('SC12345');
    await visitor.getByLabel('Contact name').fill('Pat Okafor');
    await visitor.getByLabel('Contact email address').fill(CONTACT);
    await visitor
      .getByLabel('What your organisation does')
      .fill('We support unpaid carers of children with SEND.');
    await submit(visitor, 'Register', '**/partners/register');
    expect((await errorSummary(visitor)).join('\n')).toContain('Scotland');
    expect((await errorSummary(visitor)).join('\n')).toContain('Select at least one area');
    await expectAccessible(visitor, 'registration form with errors');

    await visitor.getByLabel('Charity number (optional)').fill('SC040268');
    await visitor.getByLabel('Halesowen North').check();
    await submit(visitor, 'Register', '**/partners/register/sent');
    await expectAccessible(visitor, 'registration sent');

    const staff = await (await browser.newContext({ baseURL: base })).newPage();
    await staff.goto('/sign-in?next=/staff/partners');
    await staff.getByLabel('Email address').fill(ADMIN.email);
    await staff.locator('#password').fill(ADMIN.password);
    await submit(staff, 'Sign in', '**/staff/partners');
    await expectAccessible(staff, 'partner queue');
    await Promise.all([
      staff.waitForURL(/\/staff\/partners\/[0-9a-f-]{36}$/),
      staff.getByRole('link', { name: 'Halesowen Carers Together' }).click(),
    ]);
    await expectAccessible(staff, 'pending partner');
    await submit(staff, 'Approve', /done=approved/);
    expect(await staff.getByText('Approved. The contact has been emailed').count()).toBe(1);
    await expectAccessible(staff, 'approved partner');

    const token = await mailLink('partner-approved');
    await visitor.goto(`/password/${token}`);
    await expectAccessible(visitor, 'set password');
    await visitor.locator('#password').fill(PASSWORD);
    await visitor.locator('#confirmPassword').fill('something else entirely');
    await submit(visitor, 'Set password', `**/password/${token}`);
    expect((await errorSummary(visitor)).join('\n')).toContain('do not match');
    await visitor.locator('#password').fill(PASSWORD);
    await visitor.locator('#confirmPassword').fill(PASSWORD);
    await submit(visitor, 'Set password', '**/sign-in?passwordSet=1');
    expect(await visitor.getByText('Your password has been set').count()).toBe(1);
    await expectAccessible(visitor, 'sign in after setting a password');

    await request(world.api.http)
      .post('/api/v1/auth/login')
      .send({ email: CONTACT, password: PASSWORD })
      .expect(200);

    // The link worked once: opening it again says so.
    const again = await visitor.goto(`/password/${token}`);
    expect(again?.status()).toBe(410);
    expect(await visitor.getByRole('heading', { name: 'This link has already been used' }).count()).toBe(1);
    await expectAccessible(visitor, 'used link');

    // Staff make the new partner a co-host of a published event; the partner signs in through the
    // page and finds it on their home page.
    const admin = (await request(world.api.http).post('/api/v1/auth/login').send(ADMIN).expect(200)).body
      .token as string;
    world.tick();
    const event = await createEvent(world.api, admin, { title: 'Young carers: a listening event' });
    await publishEvent(world.api, admin, event.id);
    const [{ id: partnerId }] = await world.api.dataSource.query(
      'SELECT id FROM partners WHERE contact_email = $1',
      [CONTACT],
    );
    await request(world.api.http)
      .post(`/api/v1/events/${event.id}/cohosts`)
      .set(bearer(admin))
      .send({ partnerId })
      .expect(201);
    await visitor.goto('/sign-in');
    await visitor.getByLabel('Email address').fill(CONTACT);
    await visitor.locator('#password').fill(PASSWORD);
    await submit(visitor, 'Sign in', '**/partner');
    expect(await visitor.getByRole('link', { name: 'Young carers: a listening event' }).count()).toBe(1);
    await expectAccessible(visitor, 'partner home with a co-hosted event');
  }, 120_000);
});
