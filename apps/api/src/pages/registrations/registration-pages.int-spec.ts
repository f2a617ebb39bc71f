import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { countRows, createEvent, createVenue, publishEvent } from '../../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../../test/support/test-app';
import { registrationOf } from '../../../../../test/support/registered';
import { countOf, csrfOf, errorSummaryLinks, titleOf } from '../../../../../test/support/page-html';
import { signedInAgent } from '../../../../../test/support/hostile/page-session';

/**
 * The registration pages driven over HTTP as a browser sends them: the public form, the private
 * manage pages behind the emailed link, and the staff views of registrations and the ledger.
 */

type Agent = ReturnType<typeof request.agent>;

const newManageToken = () => `rtm_${randomBytes(32).toString('base64url')}`;
const hashed = (token: string) => createHash('sha256').update(token).digest('hex');

describe('registration pages', () => {
  let api: TestApi;
  let token: string;
  let staff: Agent;

  beforeAll(async () => {
    api = await createTestApi('registration-pages', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    token = await api.tokenFor('admin');
    staff = await signedInAgent(api, ADMIN.email, ADMIN.password);
  }, 60_000);
  afterAll(() => api?.close());

  let day = 10;
  /** A published event at a venue with step-free access and a hearing loop, on a day of its own. */
  async function publishedEvent(overrides: Record<string, unknown> = {}) {
    const venue = await createVenue(api, token, { capacity: 100 });
    day += 1;
    const start = new Date(api.clock.now().getTime() + day * 86_400_000);
    const event = await createEvent(api, token, {
      title: `Waiting for an EHC plan (${day})`,
      venueId: venue.id,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
      ...overrides,
    });
    await publishEvent(api, token, event.id);
    return event as { id: string; title: string };
  }

  const person = (overrides: Record<string, string | string[]> = {}) => ({
    name: 'Sam Jones',
    email: `sam.${randomBytes(3).toString('hex')}@example.org`,
    role: 'parent_carer',
    accessNeeds: ['step_free', 'dietary'],
    accessNotes: 'Vegetarian, please',
    ...overrides,
  });

  /** Loads the form in a fresh browser-like agent and posts it with that agent's CSRF token. */
  async function submitRegistration(eventId: string, fields: Record<string, string | string[]>) {
    const agent = request.agent(api.http);
    const form = await agent.get(`/events/${eventId}/register`).expect(200);
    const res = await agent
      .post(`/events/${eventId}/register`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), ...fields });
    return { agent, res };
  }

  /**
   * Registers through the form, which sends everyone to the same "check your email" page, and
   * returns the manage token the email carries (derived from the row, as the worker derives it).
   */
  async function registered(eventId: string, fields: Record<string, string | string[]> = person()) {
    const { agent, res } = await submitRegistration(eventId, fields);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/events/${eventId}/register/check-your-email`);
    const { manageToken } = await registrationOf(api, eventId, String(fields.email));
    return { agent, manageToken };
  }

  async function registrationRow(manageToken: string) {
    const [row] = await api.dataSource.query(
      'SELECT id, status, access_needs, access_notes, name, email, role FROM registrations WHERE manage_token_hash = $1',
      [hashed(manageToken)],
    );
    return row;
  }

  /** An invitation, as the invitations code will make it: status invited, with a manage link. */
  async function invited(eventId: string): Promise<string> {
    const manageToken = newManageToken();
    await api.dataSource.query(
      `INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash, invited_at)
       VALUES ($1, $2, 'Alex Invited', 'educator', 'invited', $3, now())`,
      [eventId, `alex.${randomBytes(3).toString('hex')}@example.org`, hashed(manageToken)],
    );
    return manageToken;
  }

  describe('the public form', () => {
    it('is linked from the event page, and gives an anonymous visitor a CSRF cookie', async () => {
      const event = await publishedEvent();
      const page = await request(api.http).get(`/events/${event.id}`).expect(200);
      expect(page.text).toContain(`href="/events/${event.id}/register"`);
      const form = await request(api.http).get(`/events/${event.id}/register`).expect(200);
      expect(String(form.headers['set-cookie'])).toMatch(/rt_csrf=[\w-]+;.*HttpOnly/);
      expect(form.text).toContain('Which of these describes you best?');
      expect(form.text).toContain('A British Sign Language (BSL) interpreter');
      expect(form.text).toContain('For hearing aids with a T setting');
    });

    it('refuses an empty form with every problem, linked to its field, and writes nothing', async () => {
      const event = await publishedEvent();
      const before = [await countRows(api, 'registrations'), await countRows(api, 'notifications')];
      const { res } = await submitRegistration(event.id, {});
      expect(res.status).toBe(400);
      expect(errorSummaryLinks(res.text)).toEqual([
        ['Enter your name', '#name'],
        ['Enter your email address', '#email'],
        ['Select which of these describes you best', '#role'],
      ]);
      expect(res.text).toContain('id="name-error"');
      expect(titleOf(res.text)).toMatch(/^Error: /);
      expect([await countRows(api, 'registrations'), await countRows(api, 'notifications')]).toEqual(before);
    });

    it('keeps what was typed, and explains a bad name and email, an unknown role or need, and "something else" without notes', async () => {
      const event = await publishedEvent();
      const before = await countRows(api, 'registrations');
      const { res } = await submitRegistration(event.id, {
        name: 'Sam <Jones>',
        email: 'sam.example.org',
        role: 'wizard',
        accessNeeds: ['other', 'teleporter'],
        accessNotes: '',
      });
      expect(res.status).toBe(400);
      expect(errorSummaryLinks(res.text)).toEqual([
        ['Enter your name using only letters, spaces, hyphens and apostrophes', '#name'],
        ['Enter an email address in the correct format, like name@example.org', '#email'],
        ['Select which of these describes you best, from the list', '#role'],
        ['Select what you need from the list', '#accessNeeds'],
        ['Tell us what else you need, or untick “Something else”', '#accessNotes'],
      ]);
      expect(res.text).toContain('value="Sam &lt;Jones&gt;"');
      expect(res.text).toContain('value="sam.example.org"');
      expect(res.text).toMatch(/name="accessNeeds" type="checkbox" value="other" checked/);
      expect(await countRows(api, 'registrations')).toBe(before);
    });

    it('refuses too long a name and notes by their fields', async () => {
      const event = await publishedEvent();
      const { res } = await submitRegistration(
        event.id,
        person({ name: 'x'.repeat(201), accessNotes: 'y'.repeat(2001) }),
      );
      expect(res.status).toBe(400);
      expect(errorSummaryLinks(res.text)).toEqual([
        ['Your name must be 100 characters or fewer', '#name'],
        ['What you tell us must be 2,000 characters or fewer', '#accessNotes'],
      ]);
    });

    it('refuses a post without the CSRF token, or with another visitor’s, and writes nothing', async () => {
      const event = await publishedEvent();
      const before = await countRows(api, 'registrations');
      const bare = await request(api.http).post(`/events/${event.id}/register`).type('form').send(person());
      expect(bare.status).toBe(403);
      expect(bare.text).toContain('reload the page');
      const other = await request(api.http).get(`/events/${event.id}/register`);
      const stolen = await request
        .agent(api.http)
        .post(`/events/${event.id}/register`)
        .type('form')
        .send({ _csrf: csrfOf(other.text), ...person() });
      expect(stolen.status).toBe(403);
      expect(await countRows(api, 'registrations')).toBe(before);
    });

    it('registers, plans the confirmation, and sends people to a "check your email" page with no link in it', async () => {
      const event = await publishedEvent();
      const fields = person();
      const { agent, manageToken } = await registered(event.id, fields);
      expect(await registrationRow(manageToken)).toMatchObject({
        status: 'confirmed',
        name: 'Sam Jones',
        email: fields.email,
        role: 'parent_carer',
        access_needs: ['step_free', 'dietary'],
        access_notes: 'Vegetarian, please',
      });
      const kinds = await api.dataSource.query(
        `SELECT kind FROM notifications WHERE event_id = $1 AND kind = 'confirmation'`,
        [event.id],
      );
      expect(kinds).toHaveLength(1);
      const check = await agent.get(`/events/${event.id}/register/check-your-email`).expect(200);
      expect(check.text).toContain('govuk-panel');
      expect(check.text).toContain('Check your email');
      expect(check.text).toContain('Check your spam or junk folder');
      expect(check.text).toContain(`href="/events/${event.id}/manage-link"`);
      expect(check.text).not.toMatch(/rtm_|\/manage\//);
      // The page under the private link (from the email) still says what they have.
      const page = await agent.get(`/manage/${manageToken}/registered`).expect(200);
      expect(page.text).toContain('govuk-panel');
      expect(page.text).toContain('You have a place');
      expect(page.text).toContain('calendar invite');
      expect(page.text).toContain(`href="/manage/${manageToken}"`);
    });

    it('answers an address already registered exactly as a new one, changes nothing, and emails the address its link', async () => {
      const event = await publishedEvent();
      const fields = person();
      const { manageToken } = await registered(event.id, fields);
      const before = await registrationRow(manageToken);
      const count = await countRows(api, 'registrations');
      const { res } = await submitRegistration(event.id, {
        ...fields,
        name: 'Not Sam',
        email: fields.email.toUpperCase(),
        accessNeeds: ['childcare'],
        accessNotes: '',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/events/${event.id}/register/check-your-email`);
      expect(await countRows(api, 'registrations')).toBe(count);
      expect(await registrationRow(manageToken)).toEqual(before);
      const links = await api.dataSource.query(
        `SELECT recipient_email FROM notifications WHERE event_id = $1 AND kind = 'manage-link'`,
        [event.id],
      );
      expect(links).toEqual([{ recipient_email: fields.email }]);
    });

    it('when the event is full, says so and puts people on the waiting list with their position', async () => {
      const event = await publishedEvent({ capacity: 1 });
      await registered(event.id);
      const page = await request(api.http).get(`/events/${event.id}`).expect(200);
      expect(page.text).toContain('Join the waiting list');
      const form = await request(api.http).get(`/events/${event.id}/register`).expect(200);
      expect(form.text).toContain('All the places have been taken');
      await registered(event.id);
      const { agent, manageToken } = await registered(event.id);
      expect((await registrationRow(manageToken)).status).toBe('waitlisted');
      const confirmation = await agent.get(`/manage/${manageToken}/registered`).expect(200);
      expect(confirmation.text).toContain('You are on the waiting list');
      expect(confirmation.text).toContain('You are number <strong>2</strong> on the waiting list');
    });

    it('explains a cancelled event instead of the form, and refuses a post to it', async () => {
      const event = await publishedEvent();
      const agent = request.agent(api.http);
      const form = await agent.get(`/events/${event.id}/register`).expect(200);
      await request(api.http)
        .post(`/api/v1/events/${event.id}/cancel`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reason: 'The venue has flooded.' })
        .expect(200);
      const closed = await agent.get(`/events/${event.id}/register`).expect(200);
      expect(closed.text).toContain('This event has been cancelled');
      expect(closed.text).toContain('The venue has flooded.');
      expect(closed.text).not.toContain('name="email"');
      const before = await countRows(api, 'registrations');
      const post = await agent
        .post(`/events/${event.id}/register`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), ...person() });
      expect(post.status).toBe(409);
      expect(post.text).toContain('This event has been cancelled');
      expect(await countRows(api, 'registrations')).toBe(before);
      expect((await request(api.http).get(`/events/${event.id}`)).text).not.toContain(
        `/events/${event.id}/register"`,
      );
    });

    it('explains that registration has closed once the event has started', async () => {
      const event = await publishedEvent();
      const [row] = await api.dataSource.query('SELECT starts_at FROM events WHERE id = $1', [event.id]);
      // The clock is moved without signing in again, which would expire the other tests' sessions.
      const original = api.clock.now();
      api.clock.set(new Date(row.starts_at.getTime() + 60_000));
      try {
        const closed = await request(api.http).get(`/events/${event.id}/register`).expect(200);
        expect(closed.text).toContain('Registration has closed');
        expect(closed.text).toContain('already started');
      } finally {
        api.clock.set(original);
      }
    });

    it('is a 404 page for a draft, an unknown event or a malformed id', async () => {
      const draft = await createEvent(api, token, { title: 'A draft' });
      for (const path of [
        `/events/${draft.id}/register`,
        '/events/3f2b9c4e-0000-4000-8000-000000000000/register',
        '/events/not-an-id/register',
      ]) {
        const res = await request(api.http).get(path);
        expect(res.status).toBe(404);
        expect(res.text).toContain('Page not found');
      }
    });
  });

  describe('the manage pages', () => {
    it('show the event, the status and access needs, privately: noindex, no referrer, no caching', async () => {
      const event = await publishedEvent();
      const { manageToken } = await registered(event.id);
      const res = await request(api.http).get(`/manage/${manageToken}`).expect(200);
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(res.text).toContain(event.title);
      expect(res.text).toContain('Place confirmed');
      expect(res.text).toContain('Step-free access');
      expect(res.text).toContain('Vegetarian, please');
      expect(res.text).toContain('Halesowen Library');
      expect(res.text).toContain('(UK time)');
      expect(res.text).toContain(`href="/manage/${manageToken}/cancel"`);
      // The public event pages stay indexable.
      const open = await request(api.http).get(`/events/${event.id}`);
      expect(open.text).not.toContain('noindex');
    });

    it('give the joining link of an online event to people with a place only', async () => {
      day += 1;
      const start = new Date(api.clock.now().getTime() + day * 86_400_000);
      const event = await createEvent(api, token, {
        capacity: 1,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      });
      await publishEvent(api, token, event.id);
      // An online event offers the needs that fit online (issue 12, point 3).
      const online = () => person({ accessNeeds: ['captions'], accessNotes: '' });
      const { manageToken: confirmed } = await registered(event.id, online());
      const { manageToken: waiting } = await registered(event.id, online());
      expect((await request(api.http).get(`/manage/${confirmed}`)).text).toContain(
        'https://meet.example.org/ehc',
      );
      const waitingPage = await request(api.http).get(`/manage/${waiting}`);
      expect(waitingPage.text).toContain('You are number 1 on the waiting list');
      expect(waitingPage.text).not.toContain('https://meet.example.org/ehc');
      expect((await request(api.http).get(`/events/${event.id}`)).text).not.toContain(
        'https://meet.example.org/ehc',
      );
    });

    it.each([
      ['a malformed token', '/manage/not-a-token'],
      ['an unknown token', `/manage/${newManageToken()}`],
      ['an unknown token’s accept page', `/manage/${newManageToken()}/accept`],
      ['an unknown token’s cancel page', `/manage/${newManageToken()}/cancel`],
    ])('%s is a kind 404 page, also kept out of search engines', async (_, path) => {
      const res = await request(api.http).get(path);
      expect(res.status).toBe(404);
      expect(res.text).toContain('We cannot find your registration');
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    });

    it('a post with an unknown token is the same 404, and writes nothing', async () => {
      const agent = request.agent(api.http);
      const event = await publishedEvent();
      const form = await agent.get(`/events/${event.id}/register`);
      const res = await agent
        .post(`/manage/${newManageToken()}/cancel`)
        .type('form')
        .send({ _csrf: csrfOf(form.text) });
      expect(res.status).toBe(404);
      expect(res.text).toContain('We cannot find your registration');
    });

    it('change access needs: refuses bad input with messages and changes nothing, then saves', async () => {
      const event = await publishedEvent();
      const { agent, manageToken } = await registered(event.id);
      const base = `/manage/${manageToken}`;
      const page = await agent.get(`${base}/access-needs`).expect(200);
      expect(page.text).toMatch(/value="step_free" checked/);
      expect(page.text).toContain('Vegetarian, please');

      const bad = await agent
        .post(`${base}/access-needs`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), accessNeeds: ['other', 'jetpack'], accessNotes: '  ' });
      expect(bad.status).toBe(400);
      expect(errorSummaryLinks(bad.text)).toEqual([
        ['Select what you need from the list', '#accessNeeds'],
        ['Tell us what else you need, or untick “Something else”', '#accessNotes'],
      ]);
      expect((await registrationRow(manageToken)).access_needs).toEqual(['step_free', 'dietary']);

      const noCsrf = await agent.post(`${base}/access-needs`).type('form').send({ accessNeeds: 'childcare' });
      expect(noCsrf.status).toBe(403);
      expect((await registrationRow(manageToken)).access_needs).toEqual(['step_free', 'dietary']);

      const saved = await agent
        .post(`${base}/access-needs`)
        .type('form')
        .send({
          _csrf: csrfOf(page.text),
          accessNeeds: ['bsl_interpreter', 'other'],
          accessNotes: 'A chair with arms',
        });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toBe(`${base}?done=access-needs`);
      expect(await registrationRow(manageToken)).toMatchObject({
        access_needs: ['bsl_interpreter', 'other'],
        access_notes: 'A chair with arms',
      });
      const after = await agent.get(saved.headers.location).expect(200);
      expect(after.text).toContain('Your access needs have been saved');
      expect(after.text).toContain('A British Sign Language (BSL) interpreter');
    });

    it('cancel asks first (the question changes nothing), then gives the place to the next person waiting', async () => {
      const event = await publishedEvent({ capacity: 1 });
      const { agent, manageToken } = await registered(event.id);
      const { manageToken: waiting } = await registered(event.id);
      const base = `/manage/${manageToken}`;

      const question = await agent.get(`${base}/cancel`).expect(200);
      expect(question.text).toContain('Are you sure you want to cancel your place?');
      expect((await registrationRow(manageToken)).status).toBe('confirmed');

      const noCsrf = await request(api.http).post(`${base}/cancel`).type('form').send({});
      expect(noCsrf.status).toBe(403);
      expect((await registrationRow(manageToken)).status).toBe('confirmed');

      const done = await agent
        .post(`${base}/cancel`)
        .type('form')
        .send({ _csrf: csrfOf(question.text) });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe(`${base}/cancelled?outcome=passed-on`);
      expect((await registrationRow(manageToken)).status).toBe('cancelled');
      expect((await registrationRow(waiting)).status).toBe('confirmed');
      const page = await agent.get(done.headers.location).expect(200);
      expect(page.text).toContain('Your place has been cancelled');
      expect(page.text).toContain('Your place has gone to the next person on the waiting list');

      // A second press changes nothing more and shows how things are.
      const again = await agent
        .post(`${base}/cancel`)
        .type('form')
        .send({ _csrf: csrfOf(question.text) });
      expect(again.status).toBe(303);
      expect(again.headers.location).toBe(base);
      expect((await agent.get(base)).text).toContain('You cancelled your registration');
    });

    it('speak of an invitation to someone invited, and of a registration once they have a place', async () => {
      const event = await publishedEvent();
      const invitedPage = await request(api.http)
        .get(`/manage/${await invited(event.id)}`)
        .expect(200);
      expect(titleOf(invitedPage.text)).toBe(`Your invitation to ${event.title} – Roundtable`);
      expect(invitedPage.text).toContain('<span class="govuk-caption-l">Your invitation</span>');
      const { manageToken } = await registered(event.id);
      const registeredPage = await request(api.http).get(`/manage/${manageToken}`).expect(200);
      expect(titleOf(registeredPage.text)).toBe(`Your registration for ${event.title} – Roundtable`);
      expect(registeredPage.text).toContain('<span class="govuk-caption-l">Your registration</span>');
    });

    it('accept from the email: GET shows one button and changes nothing; POST accepts', async () => {
      const event = await publishedEvent();
      const manageToken = await invited(event.id);
      const base = `/manage/${manageToken}`;
      const agent = request.agent(api.http);
      const notificationsBefore = await countRows(api, 'notifications');

      const page = await agent.get(`${base}/accept`).expect(200);
      expect(page.text).toContain(`Can you come to ${event.title}?`);
      expect(countOf(page.text, 'button')).toBe(1);
      await agent.get(`${base}/accept`).expect(200);
      await agent.head(`${base}/accept`).expect(200);
      expect((await registrationRow(manageToken)).status).toBe('invited');
      expect(await countRows(api, 'notifications')).toBe(notificationsBefore);

      const noCsrf = await request(api.http).post(`${base}/accept`).type('form').send({});
      expect(noCsrf.status).toBe(403);
      expect((await registrationRow(manageToken)).status).toBe('invited');

      const res = await agent
        .post(`${base}/accept`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${base}?done=accepted`);
      expect((await registrationRow(manageToken)).status).toBe('confirmed');
      const shown = await agent.get(res.headers.location);
      expect(shown.text).toContain(
        'You have a place, and we are sending you an email with a calendar invite',
      );
      expect((await agent.get(`${base}/accept`)).text).toContain('You already have a place.');
    });

    it('decline from the email: GET changes nothing; POST declines', async () => {
      const event = await publishedEvent();
      const manageToken = await invited(event.id);
      const base = `/manage/${manageToken}`;
      const agent = request.agent(api.http);
      const page = await agent.get(`${base}/decline`).expect(200);
      expect(page.text).toContain('Tell us you cannot come');
      expect((await registrationRow(manageToken)).status).toBe('invited');
      const res = await agent
        .post(`${base}/decline`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(res.headers.location).toBe(`${base}?done=declined`);
      expect((await registrationRow(manageToken)).status).toBe('declined');
      expect((await agent.get(res.headers.location)).text).toContain('Thank you for letting us know');
    });

    it('offers no changes once the event is cancelled, and says so', async () => {
      const event = await publishedEvent();
      const manageToken = await invited(event.id);
      const base = `/manage/${manageToken}`;
      const agent = request.agent(api.http);
      const page = await agent.get(`${base}/accept`).expect(200);
      await request(api.http)
        .post(`/api/v1/events/${event.id}/cancel`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reason: 'The speaker is ill.' })
        .expect(200);
      const post = await agent
        .post(`${base}/accept`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(post.status).toBe(303);
      expect((await registrationRow(manageToken)).status).toBe('invited');
      const shown = await agent.get(base);
      expect(shown.text).toContain('This event has been cancelled');
      expect(shown.text).toContain('The speaker is ill.');
      expect(shown.text).not.toContain(`${base}/accept"`);
      expect((await agent.get(`${base}/accept`)).text).not.toContain('<button');
    });
  });

  describe('staff views', () => {
    it('show counts and links on the event page, the registrations with access needs, and the ledger', async () => {
      const event = await publishedEvent({ capacity: 1 });
      await registered(
        event.id,
        person({ name: 'Priya Confirmed', accessNotes: 'Needs a ramp at the back' }),
      );
      await registered(event.id, person({ name: 'Tom Waiting', accessNeeds: [], accessNotes: '' }));

      const show = await staff.get(`/staff/events/${event.id}`).expect(200);
      expect(show.text).toContain('1 with a place (of 1)');
      expect(show.text).toContain('1 on the waiting list');
      expect(show.text).toContain(`href="/staff/events/${event.id}/registrations"`);
      expect(show.text).toContain(`href="/staff/events/${event.id}/notifications"`);

      const list = await staff.get(`/staff/events/${event.id}/registrations`).expect(200);
      expect(list.text).toContain('Priya Confirmed');
      expect(list.text).toContain('Tom Waiting');
      expect(list.text).toContain('Step-free access');
      expect(list.text).toContain('Needs a ramp at the back');
      expect(list.text).toContain('Parent or carer');

      const waiting = await staff
        .get(`/staff/events/${event.id}/registrations?status=waitlisted`)
        .expect(200);
      expect(waiting.text).toContain('Tom Waiting');
      expect(waiting.text).not.toContain('Priya Confirmed');

      const unknown = await staff.get(`/staff/events/${event.id}/registrations?status=vip`).expect(200);
      expect(errorSummaryLinks(unknown.text)).toEqual([['Select a status from the list', '#status']]);
      expect(unknown.text).toContain('Tom Waiting');

      const ledger = await staff.get(`/staff/events/${event.id}/notifications`).expect(200);
      expect(ledger.text).toContain('Place confirmed');
      expect(ledger.text).toContain('On the waiting list');
      expect(ledger.text).toContain('Reminder');
      expect(ledger.text).toContain('Waiting to send');
    });

    it('are for signed-in staff only, and a 404 page for an unknown event', async () => {
      const event = await publishedEvent();
      const signedOut = await request(api.http).get(`/staff/events/${event.id}/registrations`);
      expect(signedOut.status).toBe(303);
      expect(signedOut.headers.location).toMatch(/^\/sign-in\?next=/);
      expect((await request(api.http).get(`/staff/events/${event.id}/notifications`)).status).toBe(303);
      for (const path of [
        '/staff/events/3f2b9c4e-0000-4000-8000-000000000000/registrations',
        '/staff/events/not-an-id/notifications',
      ]) {
        expect((await staff.get(path)).status).toBe(404);
      }
    });

    it('paginates the registrations list', async () => {
      const event = await publishedEvent();
      const values = Array.from(
        { length: 51 },
        (_, n) =>
          `('${event.id}', 'p${n}@example.org', 'Person ${n}', 'other', 'confirmed', '${hashed(newManageToken())}')`,
      );
      await api.dataSource.query(
        `INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash) VALUES ${values.join(', ')}`,
      );
      const first = await staff.get(`/staff/events/${event.id}/registrations`).expect(200);
      expect(first.text).toContain('51 people');
      expect(first.text).toContain('Person 49');
      expect(first.text).not.toContain('Person 50<');
      expect(first.text).toContain(`/staff/events/${event.id}/registrations?page=2`);
      const second = await staff.get(`/staff/events/${event.id}/registrations?page=2`).expect(200);
      expect(second.text).toContain('Person 50');
    });
  });
});
