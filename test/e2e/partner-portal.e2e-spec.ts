import type { Browser } from 'playwright-core';
import request from 'supertest';
import { browserBaseUrl, expectAccessible, launchChromium } from '../support/browser';
import { createEvent, publishEvent, slot } from '../support/fixtures';
import { approvedPartner, type SignedInPartner } from '../support/partner-user';
import { registrationOf } from '../support/registered';
import { createTestApi, type TestApi } from '../support/test-app';

/**
 * The partner portal in a browser at 1280 px: a member of the public ticks that the co-host may
 * contact them when registering; the partner signs in at /sign-in, lands on /partner, sees the
 * event with its counts, opens it and sees that one contact; the person withdraws from their
 * manage page and is gone from the partner's page. Every page is scanned with axe-core.
 */
describe('partner portal, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let eventId: string;
  let partner: SignedInPartner;
  const password = 'a-partner-password-1';

  beforeAll(async () => {
    api = await createTestApi('browser-partner-portal', { listen: true });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    const staff = await api.tokenFor('organiser');
    const event = await createEvent(api, staff, { title: 'Waiting for an EHC plan', ...slot(api, 14) });
    await publishEvent(api, staff, event.id);
    eventId = event.id;
    partner = await approvedPartner(api, 'Halesowen Carers');
    await api.dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
      eventId,
      partner.partnerId,
    ]);
    await request(api.http)
      .post(`/api/v1/public/events/${eventId}/registrations`)
      .send({ name: 'Nia Said No', email: 'nia@example.org', role: 'other', accessNeeds: ['captions'] })
      .expect(202);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('registers with consent, shows the partner its event and contact, and forgets them once withdrawn', async () => {
    const countInvitedMembers = async () =>
      (
        await api.dataSource.query(
          "SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND email = 'lee@example.org'",
          [eventId],
        )
      )[0].n as number;
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The public form offers one unticked box for the co-host.
    await page.goto(`/events/${eventId}/register`);
    const consent = page.getByLabel('Halesowen Carers may contact me about its work with families');
    await expect(consent.isChecked()).resolves.toBe(false);
    await expectAccessible(page, 'registration form with a co-host');
    await page.getByLabel('Your name').fill('Kay Said Yes');
    await page.getByLabel('Email address').fill('kay@example.org');
    await page.getByLabel('Parent or carer').check();
    await page.getByLabel('The papers in advance').check();
    await consent.check();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(`**/events/${eventId}/register/check-your-email`);

    // The partner signs in on the shared page and lands on its own home.
    const partnerPage = await (
      await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } })
    ).newPage();
    await partnerPage.goto('/sign-in');
    await partnerPage.getByLabel('Email address').fill(partner.email);
    await partnerPage.getByLabel('Password', { exact: true }).fill(password);
    await partnerPage.getByRole('button', { name: 'Sign in' }).click();
    await partnerPage.waitForURL('**/partner');
    const home = await partnerPage.locator('main').innerText();
    expect(home).toContain('Waiting for an EHC plan');
    expect(home).toMatch(/Places confirmed\s*2/);
    expect(home).toMatch(/The papers in advance: 1/);
    expect(home).toMatch(/Live captions: 1/);
    await expect(partnerPage.getByRole('link', { name: 'Calendar feed' }).count()).resolves.toBe(1);
    await expectAccessible(partnerPage, 'partner home');

    await partnerPage.getByRole('link', { name: 'Waiting for an EHC plan' }).click();
    await partnerPage.waitForURL(`**/partner/events/${eventId}`);
    const eventText = await partnerPage.locator('main').innerText();
    expect(eventText).toContain('kay@example.org');
    expect(eventText).not.toContain('nia@example.org');
    await expectAccessible(partnerPage, 'partner event with contacts');

    // Inviting members: the form, then the result.
    await partnerPage.getByRole('button', { name: 'Invite your members' }).click();
    await expectAccessible(partnerPage, 'partner invite form');
    await partnerPage.getByLabel('Names and email addresses').fill('Lee Member <lee@example.org>');
    await partnerPage.getByRole('button', { name: 'Check the invitations' }).click();
    await partnerPage
      .getByRole('heading', { level: 1, name: 'Check the invitations before you send them' })
      .waitFor();
    expect(await countInvitedMembers()).toBe(0);
    await expectAccessible(partnerPage, 'partner invite preview');
    await partnerPage.getByRole('button', { name: 'Send 1 invitation' }).click();
    await partnerPage.waitForURL(`**/partner/events/${eventId}/invite?**`);
    expect(await countInvitedMembers()).toBe(1);
    await expect(partnerPage.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      '1 person invited',
    );

    // The calendar feed: made, shown once, turned off.
    await partnerPage.goto('/partner/calendar');
    await expectAccessible(partnerPage, 'partner calendar feed, none yet');
    await partnerPage.getByRole('button', { name: 'Make a feed address' }).click();
    const url = await partnerPage.getByLabel('Feed address').inputValue();
    expect(url).toMatch(/\/partner-feeds\/rtf_[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(partnerPage, 'partner calendar feed, just made');
    await request(api.http).get(new URL(url).pathname).expect(200);
    await partnerPage.getByRole('button', { name: 'Turn the feed off' }).click();
    await request(api.http).get(new URL(url).pathname).expect(404);

    // Kay withdraws from her manage page; the partner's page no longer shows her.
    const kay = await registrationOf(api, eventId, 'kay@example.org');
    await page.goto(`/manage/${kay.manageToken}`);
    await expectAccessible(page, 'manage page with a consent');
    await page.getByRole('button', { name: 'Stop Halesowen Carers contacting me' }).click();
    await page.waitForURL(`**/manage/${kay.manageToken}?done=consent-withdrawn`);
    await partnerPage.goto(`/partner/events/${eventId}`);
    await expect(partnerPage.locator('main').innerText()).resolves.not.toContain('kay@example.org');
  });

  it('keeps staff out of the partner pages and partners out of the staff pages', async () => {
    const staff = { email: 'organiser-pages@roundtable.test', password: 'a-staff-password-1' };
    await request(api.http)
      .post('/api/v1/users')
      .set({ Authorization: `Bearer ${await api.tokenFor('admin')}` })
      .send({ ...staff, name: 'Olu Organiser', role: 'organiser' })
      .expect(201);
    const staffCookie = await signedInCookie(api, staff, '/staff/events');
    const asStaff = await request(api.http).get('/partner').set('Cookie', staffCookie);
    expect(asStaff.status).toBe(403);
    const partnerCookie = await signedInCookie(api, { email: partner.email, password }, '/partner');
    for (const path of [
      '/staff/events',
      '/staff/testimonies',
      '/staff/casework',
      '/staff/reports/testimony',
    ]) {
      const asPartner = await request(api.http).get(path).set('Cookie', partnerCookie);
      expect([path, asPartner.status]).toEqual([path, 403]);
    }
    const anonymous = await request(api.http).get('/partner');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fpartner');
  });
});

/** A page session cookie through the sign-in form, checking where it lands. */
async function signedInCookie(
  api: TestApi,
  user: { email: string; password: string },
  home: string,
): Promise<string> {
  const agent = request.agent(api.http);
  const form = await agent.get('/sign-in');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrf, ...user });
  expect([res.status, res.headers.location]).toEqual([303, home]);
  return (res.headers['set-cookie'] as unknown as string[]).map((cookie) => cookie.split(';')[0]).join('; ');
}
