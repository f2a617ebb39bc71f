import request from 'supertest';
import { approvedPartner } from '../support/partner-user';
import { bearer, createEvent, createVenue, publishEvent } from '../support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';
import { csrfOf, errorSummaryTexts } from '../support/page-html';

/**
 * The rules behind the web pages that a browser journey does not reach: CSRF, where sign-in may
 * send people, who may use the staff pages, and how the event form explains the service's
 * refusals (a clash, a time the clocks skip, a reschedule). Driven over HTTP, as a browser would
 * send the forms.
 */

// Mid-March 2026: the clocks go forward on Sunday 29 March.
const NOW = new Date('2026-03-10T09:00:00Z');

type Agent = ReturnType<typeof request.agent>;

/** The Set-Cookie headers of a response, however many there were. */
function setCookies(res: { headers: Record<string, unknown> }): string[] {
  const header = res.headers['set-cookie'];
  return Array.isArray(header) ? header : typeof header === 'string' ? [header] : [];
}

describe('web page rules', () => {
  let api: TestApi;
  let staff: Agent;
  let token: string;

  beforeAll(async () => {
    // Many sign-ins from one address, through the page and the API, which share one budget.
    api = await createTestApi('page-rules', { now: NOW, env: { LOGIN_RATE_LIMIT: '1000' } });
    token = await api.tokenFor('admin');
    staff = await signedIn(ADMIN.email, ADMIN.password);
  }, 60_000);
  afterAll(() => api?.close());

  async function signedIn(email: string, password: string, next?: string): Promise<Agent> {
    const agent = request.agent(api.http);
    const page = await agent.get('/sign-in').expect(200);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), email, password, ...(next && { next }) })
      .expect(303);
    return agent;
  }

  /** Posts a staff form with the agent's CSRF token, as the page would. */
  async function postForm(
    agent: Agent,
    formPage: string,
    action: string,
    fields: Record<string, string | string[]>,
  ) {
    const page = await agent.get(formPage).expect(200);
    return agent
      .post(action)
      .type('form')
      .send({ _csrf: csrfOf(page.text), ...fields });
  }

  const eventFields = (overrides: Record<string, string> = {}) => ({
    title: 'Post-16 places: a roundtable',
    kind: 'roundtable',
    description: '',
    'date-day': '24',
    'date-month': '3',
    'date-year': '2026',
    startTime: '10:00',
    endTime: '12:00',
    venueId: 'online',
    onlineUrl: 'https://meet.example.org/post-16',
    capacity: '',
    ...overrides,
  });

  describe('CSRF', () => {
    it('refuses a form without the token with a 403 page that says to reload, and changes nothing', async () => {
      const agent = request.agent(api.http);
      await agent.get('/sign-in').expect(200);
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ email: ADMIN.email, password: ADMIN.password });
      expect(res.status).toBe(403);
      expect(res.text).toContain('reload the page');
      expect(setCookies(res).join(';')).not.toContain('rt_session=');
    });

    it('refuses a token that does not match the cookie', async () => {
      const other = await request(api.http).get('/sign-in');
      const res = await request
        .agent(api.http)
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(other.text), email: ADMIN.email, password: 'x' });
      expect(res.status).toBe(403);
    });

    it('sets the CSRF cookie HttpOnly and SameSite=Lax, and sets no cookies on public pages', async () => {
      const res = await request(api.http).get('/sign-in');
      expect(setCookies(res)[0]).toMatch(/^rt_csrf=[\w-]+;.*HttpOnly.*SameSite=Lax/);
      expect(setCookies(await request(api.http).get('/events'))).toEqual([]);
    });
  });

  describe('sign-in and sign-out', () => {
    it('shows a GOV.UK error for a wrong password', async () => {
      const agent = request.agent(api.http);
      const page = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), email: ADMIN.email, password: 'not-the-password' });
      expect(res.status).toBe(400);
      expect(errorSummaryTexts(res.text)).toEqual([
        'The email address or password is not right. Check them and try again',
      ]);
      expect(res.text).toContain(`value="${ADMIN.email}"`);
    });

    it.each([
      ['/staff/venues', '/staff/venues'],
      ['https://evil.example/staff', '/staff/events'],
      ['//evil.example/staff', '/staff/events'],
      ['/staffroom', '/staff/events'],
    ])('after signing in with next=%s goes to %s', async (next, expected) => {
      const agent = request.agent(api.http);
      const page = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), email: ADMIN.email, password: ADMIN.password, next });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(expected);
      expect(setCookies(res).find((cookie) => cookie.startsWith('rt_session='))).toMatch(
        /HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/,
      );
    });

    it('signs out: the session stops working and staff pages ask to sign in again', async () => {
      const agent = await signedIn(ADMIN.email, ADMIN.password);
      await agent.get('/staff/events').expect(200);
      const res = await postForm(agent, '/staff/events', '/sign-out', {});
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/sign-in?signedOut=1');
      expect((await agent.get('/sign-in?signedOut=1')).text).toContain('You have signed out.');
      const after = await agent.get('/staff/events');
      expect(after.status).toBe(303);
      expect(after.headers.location).toBe('/sign-in?next=%2Fstaff%2Fevents');
    });
  });

  describe('who may use the staff pages', () => {
    it('sends a signed-out visitor to sign in and back', async () => {
      const res = await request(api.http).get('/staff/venues/new');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/sign-in?next=%2Fstaff%2Fvenues%2Fnew');
    });

    it('ignores a session token sent as a bearer header (pages use the cookie)', async () => {
      expect((await request(api.http).get('/staff/events').set(bearer(token))).status).toBe(303);
    });

    it('sends /staff to the events list, and / to the public events', async () => {
      expect((await staff.get('/staff')).headers.location).toBe('/staff/events');
      expect((await request(api.http).get('/')).headers.location).toBe('/events');
    });

    it('lets an organiser in', async () => {
      const organiserToken = await api.tokenFor('organiser');
      const res = await request(api.http).get('/staff/events').set('Cookie', `rt_session=${organiserToken}`);
      expect(res.status).toBe(200);
    });

    it('sends a partner user to the partner pages, and keeps it out of the staff pages', async () => {
      const partner = await approvedPartner(api, 'Pat’s Carers');
      const agent = request.agent(api.http);
      const page = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), email: partner.email, password: 'a-partner-password-1' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/partner');

      // A partner's session cookie is a 403 page on staff pages.
      const forbidden = await request(api.http)
        .get('/staff/events')
        .set('Cookie', `rt_session=${partner.token}`);
      expect(forbidden.status).toBe(403);
      expect(forbidden.text).toContain('These pages are for constituency office staff');
    });
  });

  describe('ids that name nothing', () => {
    it.each([
      '/staff/events/not-an-id',
      '/staff/events/3f2b9c4e-0000-4000-8000-000000000000',
      '/staff/events/3f2b9c4e-0000-4000-8000-000000000000/edit',
    ])('%s is the 404 page', async (path) => {
      const res = await staff.get(path);
      expect(res.status).toBe(404);
      expect(res.text).toContain('Page not found');
    });

    it('an unknown page is the 404 page, not JSON', async () => {
      const res = await request(api.http).get('/no-such-page');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });
  });

  describe('the event form', () => {
    it('refuses a time the clocks skip, by the start time', async () => {
      const res = await postForm(
        staff,
        '/staff/events/new',
        '/staff/events/new',
        eventFields({ 'date-day': '29', startTime: '01:30', endTime: '03:00' }),
      );
      expect(res.status).toBe(400);
      expect(errorSummaryTexts(res.text)).toEqual([
        'Start time 01:30 does not exist on Sunday 29 March 2026, because the clocks go forward an hour at 1am. Choose a time before 1am or from 2am',
      ]);
    });

    it('reads the date boxes the GOV.UK way', async () => {
      const missing = await postForm(
        staff,
        '/staff/events/new',
        '/staff/events/new',
        eventFields({ 'date-month': '' }),
      );
      expect(errorSummaryTexts(missing.text)).toEqual(['Date of the event must include a month']);
      expect(missing.text).toContain('href="#date-month"');
      const unreal = await postForm(
        staff,
        '/staff/events/new',
        '/staff/events/new',
        eventFields({ 'date-day': '31', 'date-month': '4' }),
      );
      expect(errorSummaryTexts(unreal.text)).toEqual(['Date of the event must be a real date']);
      const past = await postForm(
        staff,
        '/staff/events/new',
        '/staff/events/new',
        eventFields({ 'date-day': '1' }),
      );
      expect(errorSummaryTexts(past.text)).toEqual([
        'The event must start in the future: check the date and start time',
      ]);
    });

    it('puts the class-validator checks by their fields', async () => {
      const res = await postForm(
        staff,
        '/staff/events/new',
        '/staff/events/new',
        eventFields({ title: 'x'.repeat(201), onlineUrl: 'http://meet.example.org/a' }),
      );
      expect(errorSummaryTexts(res.text)).toEqual([
        'Title must be 200 characters or fewer',
        'Enter the online link as a full web address starting with https://, like https://meet.example.org/abc',
      ]);
    });

    it('explains a venue clash and too many places by the venue and capacity fields', async () => {
      const venue = await createVenue(api, token, { name: 'Halesowen Library', capacity: 30 });
      await createEvent(api, token, {
        title: 'Already there',
        venueId: venue.id,
        startsAt: '2026-03-25T10:00:00Z',
        endsAt: '2026-03-25T12:00:00Z',
      });
      const clash = await postForm(
        staff,
        '/staff/events/new',
        '/staff/events/new',
        eventFields({
          'date-day': '25',
          startTime: '11:00',
          endTime: '13:00',
          venueId: venue.id,
          onlineUrl: '',
        }),
      );
      expect(clash.status).toBe(409);
      expect(errorSummaryTexts(clash.text)).toEqual([
        'Halesowen Library is already booked then, for “Already there” (Wednesday 25 March 2026, 10am to midday). Choose another venue, date or time',
      ]);
      expect(clash.text).toContain('id="venueId-error"');

      const tooMany = await postForm(
        staff,
        '/staff/events/new',
        '/staff/events/new',
        eventFields({ 'date-day': '26', venueId: venue.id, capacity: '45' }),
      );
      expect(tooMany.status).toBe(400);
      expect(errorSummaryTexts(tooMany.text)).toEqual([
        'Capacity must be 30 or fewer, as that is how many the venue holds',
      ]);
    });

    it('tells staff when a change to a published event is a reschedule, and keeps times of an edit that did not touch them', async () => {
      // Across the clock change: drafted in GMT, moved into BST.
      const event = await createEvent(api, token, {
        title: 'Tribunals',
        startsAt: '2026-03-27T18:00:00Z',
        endsAt: '2026-03-28T10:00:00Z',
      });
      await publishEvent(api, token, event.id);

      // A title change on an event that runs over two days leaves its times alone.
      const edit = await staff.get(`/staff/events/${event.id}/edit`).expect(200);
      expect(edit.text).toContain('ends on a later day');
      const titleOnly = await staff
        .post(`/staff/events/${event.id}/edit`)
        .type('form')
        .send({
          _csrf: csrfOf(edit.text),
          ...eventFields({
            title: 'Tribunals: what helped',
            'date-day': '27',
            startTime: '18:00',
            endTime: '10:00',
            onlineUrl: 'https://meet.example.org/ehc',
          }),
        });
      expect(titleOnly.status).toBe(303);
      expect(titleOnly.headers.location).toBe(`/staff/events/${event.id}?done=updated`);
      const [kept] = await api.dataSource.query(
        'SELECT title, starts_at, ends_at FROM events WHERE id = $1',
        [event.id],
      );
      expect({
        title: kept.title,
        startsAt: kept.starts_at.toISOString(),
        endsAt: kept.ends_at.toISOString(),
      }).toEqual({
        title: 'Tribunals: what helped',
        startsAt: '2026-03-27T18:00:00.000Z',
        endsAt: '2026-03-28T10:00:00.000Z',
      });

      const moved = await postForm(
        staff,
        `/staff/events/${event.id}/edit`,
        `/staff/events/${event.id}/edit`,
        eventFields({
          'date-day': '31',
          startTime: '18:00',
          endTime: '19:30',
          onlineUrl: 'https://meet.example.org/ehc',
        }),
      );
      expect(moved.headers.location).toBe(`/staff/events/${event.id}?done=rescheduled`);
      const page = await staff.get(moved.headers.location);
      expect(page.text).toContain('Event rescheduled');
      // 18:00 in BST is 17:00 UTC.
      expect(page.text).toContain('Tuesday 31 March 2026, 6pm to 7:30pm');
      const [row] = await api.dataSource.query('SELECT starts_at FROM events WHERE id = $1', [event.id]);
      expect(row.starts_at.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    });

    it('cancels with a reason; the public page says so and a cancelled event cannot be edited', async () => {
      const event = await createEvent(api, token, { title: 'Early years' });
      await publishEvent(api, token, event.id);
      const res = await postForm(
        staff,
        `/staff/events/${event.id}/cancel`,
        `/staff/events/${event.id}/cancel`,
        { reason: 'The venue has flooded.' },
      );
      expect(res.headers.location).toBe(`/staff/events/${event.id}?done=cancelled`);
      const publicPage = await request(api.http).get(`/events/${event.id}`).expect(200);
      expect(publicPage.text).toContain('This event has been cancelled');
      expect(publicPage.text).toContain('The venue has flooded.');
      expect(publicPage.text).not.toContain('Add to your calendar');
      const edit = await staff.get(`/staff/events/${event.id}/edit`);
      expect(edit.status).toBe(409);
      expect(edit.text).toContain('This event is cancelled, so it can no longer be changed.');
    });
  });

  describe('the public list', () => {
    it('filters by area, and says plainly when an area is not one we know', async () => {
      const venue = await createVenue(api, token, {
        name: 'Cradley Community Centre',
        area: 'cradley-and-wollescote',
        postcode: 'B63 2UP',
      });
      const event = await createEvent(api, token, {
        title: 'Autism assessments in Cradley',
        venueId: venue.id,
        startsAt: '2026-04-02T09:00:00Z',
        endsAt: '2026-04-02T11:00:00Z',
      });
      await publishEvent(api, token, event.id);
      const inArea = await request(api.http).get('/events?area=cradley-and-wollescote').expect(200);
      expect(inArea.text).toContain('Upcoming events in Cradley and Wollescote');
      expect(inArea.text).toContain('Autism assessments in Cradley');
      const elsewhere = await request(api.http).get('/events?area=walsall').expect(200);
      expect(elsewhere.text).not.toContain('Autism assessments in Cradley');
      const unknown = await request(api.http).get('/events?area=atlantis').expect(200);
      expect(errorSummaryTexts(unknown.text)).toEqual(['Select an area from the list']);
    });
  });
});
