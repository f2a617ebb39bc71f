import ICAL from 'ical.js';
import request from 'supertest';
// By path, not through @roundtable/events, whose index loads the config before createTestApi sets it.
import { eventFeedUid } from '../../../../libs/events/src/calendar/event-calendar';
import {
  bearer,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
  withClockAt,
} from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const PUBLIC_FIELDS = [
  'capacity',
  'cancelReason',
  // The partner organisations co-hosting it, by id and name.
  'cohosts',
  'description',
  'endsAt',
  'endsAtLocal',
  'format',
  'id',
  'kind',
  'kindLabel',
  'startsAt',
  'startsAtLocal',
  'status',
  'timeZone',
  'title',
  'venue',
  'when',
].sort();

describe('public events and calendar files', () => {
  let api: TestApi;
  let token: string;
  let organiser: { id: string; email: string };
  let venue: { id: string };
  const events: Record<string, { id: string; title: string; startsAt: string; endsAt: string }> = {};

  beforeAll(async () => {
    api = await createTestApi('public-events');
    token = await api.tokenFor('organiser');
    organiser = (await request(api.http).get('/api/v1/auth/me').set(bearer(token))).body;
    venue = await createVenue(api, token, {
      name: 'Halesowen Library',
      area: 'halesowen-north',
      capacity: 40,
    });
    const online = { onlineUrl: 'https://meet.example.org/secret-room-link' };
    const make = (
      title: string,
      times: { startsAt: string; endsAt: string },
      extra: Record<string, unknown> = {},
    ) => createEvent(api, token, { title, ...times, ...extra });

    events.winter = await publishEvent(
      api,
      token,
      (
        await make(
          'Winter listening event',
          { startsAt: '2026-02-07T10:00:00Z', endsAt: '2026-02-07T12:00:00Z' },
          { venueId: venue.id, ...online },
        )
      ).id,
    );
    events.summer = await publishEvent(
      api,
      token,
      (
        await make(
          'Summer roundtable',
          { startsAt: '2026-07-04T09:00:00Z', endsAt: '2026-07-04T11:00:00Z' },
          { kind: 'roundtable', ...online },
        )
      ).id,
    );
    events.draft = await make(
      'Secret draft',
      { startsAt: '2026-03-07T10:00:00Z', endsAt: '2026-03-07T12:00:00Z' },
      online,
    );
    events.soon = await publishEvent(
      api,
      token,
      (
        await make(
          'Happening soon',
          { startsAt: '2026-01-20T10:00:00Z', endsAt: '2026-01-20T12:00:00Z' },
          online,
        )
      ).id,
    );
    const toCancel = await publishEvent(
      api,
      token,
      (await make('Called off', { startsAt: '2026-04-04T10:00:00Z', endsAt: '2026-04-04T12:00:00Z' }, online))
        .id,
    );
    events.cancelled = (
      await request(api.http)
        .post(`/api/v1/events/${toCancel.id}/cancel`)
        .set(bearer(token))
        .send({ reason: 'The speaker is unwell.' })
    ).body;
    const draftToCancel = await make(
      'Cancelled draft',
      { startsAt: '2026-04-05T10:00:00Z', endsAt: '2026-04-05T12:00:00Z' },
      online,
    );
    events.cancelledDraft = (
      await request(api.http)
        .post(`/api/v1/events/${draftToCancel.id}/cancel`)
        .set(bearer(token))
        .send({ reason: 'Never mind' })
    ).body;
  });
  afterAll(() => api.close());

  const anonymous = (path: string) => request(api.http).get(path);
  const titles = (res: request.Response) => res.body.items.map((event: { title: string }) => event.title);

  describe('GET /api/v1/public/events', () => {
    it('lists upcoming published events soonest first, without drafts or cancelled ones, and needs no sign-in', async () => {
      const res = await anonymous('/api/v1/public/events');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['items', 'total']);
      expect(titles(res)).toEqual(['Happening soon', 'Winter listening event', 'Summer roundtable']);
      expect(res.body.total).toBe(3);
    });

    it('shows no joining link, no staff fields and no personal data', async () => {
      const res = await anonymous('/api/v1/public/events');
      for (const item of res.body.items) {
        expect(Object.keys(item).sort()).toEqual(PUBLIC_FIELDS);
      }
      const text = JSON.stringify(res.body);
      for (const secret of [
        'secret-room-link',
        'onlineUrl',
        'createdById',
        'created_by',
        organiser.id,
        organiser.email,
        'reminderOffsets',
        'sequence',
        'publishedAt',
      ]) {
        expect(text).not.toContain(secret);
      }
      const winter = res.body.items.find((item: { id: string }) => item.id === events.winter.id);
      expect(winter).toMatchObject({
        startsAt: '2026-02-07T10:00:00.000Z',
        format: 'hybrid',
        venue: { name: 'Halesowen Library', areaLabel: 'Halesowen North', postcode: 'B63 4AZ' },
      });
      expect(winter.venue).not.toHaveProperty('createdAt');
    });

    it.each([
      ['area=halesowen-north', ['Winter listening event'], 1],
      ['kind=roundtable', ['Summer roundtable'], 1],
      ['kind=listening_event&limit=1', ['Happening soon'], 2],
      ['limit=1&offset=1', ['Winter listening event'], 3],
    ])('filters and pages with ?%s, total counting all that match', async (query, expected, total) => {
      const res = await anonymous(`/api/v1/public/events?${query}`);
      expect(res.status).toBe(200);
      expect(titles(res)).toEqual(expected);
      expect(res.body.total).toBe(total);
    });

    it('leaves out events once they have ended', async () => {
      // On 20 January at 11:00 "Happening soon" is under way: still listed. At 12:01 it is over.
      const during = await withClockAt(api, new Date('2026-01-20T11:00:00Z'), () =>
        anonymous('/api/v1/public/events'),
      );
      expect(titles(during)).toContain('Happening soon');
      const after = await withClockAt(api, new Date('2026-01-20T12:01:00Z'), () =>
        anonymous('/api/v1/public/events'),
      );
      expect(titles(after)).toEqual(['Winter listening event', 'Summer roundtable']);
      expect(after.body.total).toBe(2);
    });

    it.each([
      ['limit=0', /limit must be at least 1/],
      ['limit=abc', /limit must be a whole number/],
      ['area=nowhere', /area must be one of/],
      ['kind=party', /kind must be one of/],
      ['status=draft', /status is not a field we accept/],
      ['from=2020-01-01T00:00:00Z', /from is not a field we accept/],
    ])('answers ?%s with 400', async (query, message) => {
      expect(expectError(await anonymous(`/api/v1/public/events?${query}`), 400)).toMatch(message);
    });
  });

  describe('GET /api/v1/public/events/:id', () => {
    it('shows a published event with only the public fields', async () => {
      const res = await anonymous(`/api/v1/public/events/${events.summer.id}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(PUBLIC_FIELDS);
      expect(res.body).toMatchObject({
        title: 'Summer roundtable',
        status: 'published',
        startsAt: '2026-07-04T09:00:00.000Z',
        startsAtLocal: '2026-07-04T10:00:00+01:00',
        format: 'online',
        venue: null,
      });
      expect(JSON.stringify(res.body)).not.toContain('secret-room-link');
    });

    it('still shows an event cancelled after publishing, as cancelled, so people holding the link find out', async () => {
      const res = await anonymous(`/api/v1/public/events/${events.cancelled.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'The speaker is unwell.' });
    });

    it('still shows a past published event', async () => {
      const res = await withClockAt(api, new Date('2026-08-01T00:00:00Z'), () =>
        anonymous(`/api/v1/public/events/${events.summer.id}`),
      );
      expect(res.status).toBe(200);
    });

    it.each([
      ['a draft', () => events.draft.id],
      ['a draft that was cancelled', () => events.cancelledDraft.id],
      ['an unknown id', () => '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f'],
      ['an id that is not a UUID', () => 'winter-event'],
    ])('answers %s with 404, saying nothing about it', async (_, id) => {
      const res = await anonymous(`/api/v1/public/events/${id()}`);
      expectError(res, 404);
      expect(JSON.stringify(res.body)).not.toContain('Secret draft');
    });
  });

  describe('GET /api/v1/events/:id/calendar.ics', () => {
    const ics = (id: string, headers: Record<string, string> = {}) =>
      request(api.http)
        .get(`/api/v1/events/${id}/calendar.ics`)
        .set(headers)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });

    const parse = (text: string) => {
      const calendar = new ICAL.Component(ICAL.parse(text));
      const [vevent] = calendar.getAllSubcomponents('vevent');
      return { calendar, vevent, item: new ICAL.Event(vevent) };
    };

    it.each([
      ['winter (GMT)', 'winter'],
      ['summer (BST)', 'summer'],
    ])(
      'gives anyone a %s published event as text/calendar, starting and ending when the event does',
      async (_, key) => {
        const event = events[key];
        const res = await ics(event.id);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/calendar/);
        expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.ics"/);
        const { calendar, vevent, item } = parse(res.body);
        expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
        expect(item.uid).toBe(eventFeedUid(event.id));
        expect(item.summary).toBe(event.title);
        expect(item.startDate.toJSDate().getTime()).toBe(new Date(event.startsAt).getTime());
        expect(item.endDate.toJSDate().getTime()).toBe(new Date(event.endsAt).getTime());
        expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
        expect(vevent.getAllProperties('attendee')).toEqual([]);
        expect(res.body).not.toContain('secret-room-link');
      },
    );

    it('marks an event cancelled after publishing CANCELLED, with the next SEQUENCE', async () => {
      const { vevent, item } = parse((await ics(events.cancelled.id)).body);
      expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(item.sequence).toBe(1);
      expect(item.uid).toBe(eventFeedUid(events.cancelled.id));
    });

    it('hides a draft from anyone not signed in as staff (404), but gives it to staff', async () => {
      const anonymousRes = await ics(events.draft.id);
      expect(anonymousRes.status).toBe(404);
      expect(JSON.parse(anonymousRes.body)).toMatchObject({
        statusCode: 404,
        error: 'Not Found',
        message: expect.any(String),
      });
      expect((await ics(events.draft.id, bearer('rts_this-token-was-never-issued-by-us'))).status).toBe(404);

      const staffRes = await ics(events.draft.id, bearer(token));
      expect(staffRes.status).toBe(200);
      const { item } = parse(staffRes.body);
      expect(item.summary).toBe('Secret draft');
      expect(item.startDate.toJSDate().toISOString()).toBe('2026-03-07T10:00:00.000Z');
    });

    it.each([
      ['an unknown id', '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f'],
      ['an id that is not a UUID', 'event.ics'],
    ])('answers %s with 404', async (_, id) => {
      expect((await ics(id)).status).toBe(404);
    });
  });
});
