import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
  slot,
} from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN_ID = '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';

describe('events: drafting, reading, listing and changing', () => {
  let api: TestApi;
  let token: string;
  let venue: { id: string; name: string; capacity: number };

  beforeAll(async () => {
    api = await createTestApi('events');
    token = await api.tokenFor('organiser');
    venue = await createVenue(api, token, {
      name: 'Halesowen Library',
      capacity: 40,
      area: 'halesowen-north',
    });
  });
  afterAll(() => api.close());

  const post = (body: unknown) =>
    request(api.http)
      .post('/api/v1/events')
      .set(bearer(token))
      .send(body as object);
  const patch = (id: string, body: unknown) =>
    request(api.http)
      .patch(`/api/v1/events/${id}`)
      .set(bearer(token))
      .send(body as object);
  const get = (path: string) => request(api.http).get(path).set(bearer(token));
  const eventRow = async (id: string) =>
    (await api.dataSource.query('SELECT * FROM events WHERE id = $1', [id]))[0];

  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Waiting for an EHC plan',
    kind: 'listening_event',
    description: 'Tell us about the wait.',
    ...slot(api, 20),
    venueId: venue.id,
    ...overrides,
  });

  describe('POST /api/v1/events', () => {
    it('drafts an event at a venue, in UTC, with the defaults API.md promises', async () => {
      const res = await post(
        input({
          title: '  Waiting for an EHC plan ',
          startsAt: '2026-07-01T10:00:00+01:00',
          endsAt: '2026-07-01T12:00:00+01:00',
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Waiting for an EHC plan',
        // The partner organisations co-hosting it: none yet.
        cohosts: [],
        kind: 'listening_event',
        kindLabel: 'Listening event',
        format: 'in_person',
        description: 'Tell us about the wait.',
        status: 'draft',
        startsAt: '2026-07-01T09:00:00.000Z',
        endsAt: '2026-07-01T11:00:00.000Z',
        startsAtLocal: '2026-07-01T10:00:00+01:00',
        endsAtLocal: '2026-07-01T12:00:00+01:00',
        when: 'Wednesday 1 July 2026, 10am to midday',
        timeZone: 'Europe/London',
        venueId: venue.id,
        venue: expect.objectContaining({ id: venue.id, name: 'Halesowen Library', capacity: 40 }),
        campaignId: null,
        onlineUrl: null,
        capacity: 40,
        reminderOffsets: ['P7D', 'P1D', 'PT2H'],
        sequence: 0,
        cancelReason: null,
        publishedAt: null,
        cancelledAt: null,
        createdAt: expect.stringMatching(ISO_UTC),
        updatedAt: expect.stringMatching(ISO_UTC),
      });
      const me = await get('/api/v1/auth/me');
      expect(await eventRow(res.body.id)).toMatchObject({
        created_by_id: me.body.id,
        status: 'draft',
        sequence: 0,
      });
    });

    it('drafts a hybrid event with its own capacity and reminders', async () => {
      const res = await post(
        input({
          ...slot(api, 21),
          kind: 'roundtable',
          onlineUrl: 'https://meet.example.org/send',
          capacity: 25,
          reminderOffsets: ['P2D', 'PT1H'],
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        format: 'hybrid',
        kindLabel: 'Roundtable',
        onlineUrl: 'https://meet.example.org/send',
        capacity: 25,
        reminderOffsets: ['P2D', 'PT1H'],
      });
    });

    it('drafts an online-only event without a description', async () => {
      const { description: _, venueId: __, ...rest } = input({ ...slot(api, 21) });
      const res = await post({ ...rest, onlineUrl: 'https://meet.example.org/online' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        format: 'online',
        description: '',
        venueId: null,
        venue: null,
        capacity: null,
      });
    });

    it('answers an empty body with 400 naming every missing field, and drafts nothing', async () => {
      const before = await countRows(api, 'events');
      const res = await post({});
      expectError(res, 400);
      expect(res.body.message).toEqual([
        'title must be text',
        expect.stringMatching(/^kind must be one of/),
        expect.stringMatching(/^startsAt must be an ISO 8601 time/),
        expect.stringMatching(/^endsAt must be an ISO 8601 time/),
      ]);
      expect(await countRows(api, 'events')).toBe(before);
    });

    it.each([
      ['no title', { title: undefined }, /^title must be text$/],
      ['an empty title', { title: '' }, /^title must not be empty or only spaces$/],
      ['a title that is a number', { title: 123 }, /^title must be text$/],
      ['a null title', { title: null }, /^title must be text$/],
      ['no kind', { kind: undefined }, /kind must be one of: listening_event, roundtable/],
      ['an unknown kind', { kind: 'party' }, /kind must be one of/],
      ['a description that is a number', { description: 42 }, /description must be text/],
      ['no startsAt', { startsAt: undefined }, /startsAt must be an ISO 8601 time with an offset/],
      ['no endsAt', { endsAt: undefined }, /endsAt must be an ISO 8601 time with an offset/],
      [
        'startsAt without an offset',
        { startsAt: '2026-03-28T10:00:00' },
        /startsAt must be an ISO 8601 time with an offset/,
      ],
      ['startsAt as a UK date', { startsAt: '28/03/2026 10:00' }, /startsAt must be an ISO 8601/],
      ['startsAt as a number', { startsAt: 1_774_692_000_000 }, /startsAt must be an ISO 8601/],
      [
        'startsAt on 30 February',
        { startsAt: '2026-02-30T10:00:00Z', endsAt: '2026-02-30T12:00:00Z' },
        /startsAt must be an ISO 8601/,
      ],
      [
        'endsAt before startsAt',
        { startsAt: '2026-03-28T12:00:00Z', endsAt: '2026-03-28T10:00:00Z' },
        /^endsAt must be after startsAt$/,
      ],
      [
        'endsAt equal to startsAt',
        { startsAt: '2026-03-28T12:00:00Z', endsAt: '2026-03-28T12:00:00Z' },
        /^endsAt must be after startsAt$/,
      ],
      [
        'a startsAt in the past',
        { startsAt: '2026-01-15T11:00:00Z', endsAt: '2026-01-15T13:00:00Z' },
        /^startsAt must be in the future$/,
      ],
      [
        'an event of eight days',
        { startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-09T10:00:00Z' },
        /at most 7 days/,
      ],
      ['a capacity above the venue', { capacity: 41 }, /capacity 41 is more than the venue holds \(40\)/],
      ['a capacity in words', { capacity: 'ten' }, /^capacity must be a whole number$/],
      ['a capacity of 0', { capacity: 0 }, /capacity must be at least 1/],
      ['a fractional capacity', { capacity: 2.5 }, /capacity must be a whole number/],
      [
        'an unknown venueId',
        { venueId: UNKNOWN_ID },
        new RegExp(`venueId ${UNKNOWN_ID} does not match any venue`),
      ],
      ['a venueId that is not a UUID', { venueId: 'hall-1' }, /venueId must be the id of a venue/],
      [
        'an http onlineUrl',
        { onlineUrl: 'http://meet.example.org/a' },
        /onlineUrl must be an https:\/\/ link/,
      ],
      [
        'an onlineUrl that is not a link',
        { onlineUrl: 'the usual zoom' },
        /onlineUrl must be an https:\/\/ link/,
      ],
      ['neither a venue nor an onlineUrl', { venueId: undefined }, /give a venueId, an onlineUrl, or both/],
      [
        'a null venue and no onlineUrl',
        { venueId: null, onlineUrl: null },
        /give a venueId, an onlineUrl, or both/,
      ],
      ['reminderOffsets as text', { reminderOffsets: 'P1D' }, /reminderOffsets must be a list/],
      ['null reminderOffsets', { reminderOffsets: null }, /reminderOffsets must be a list/],
      ['a reminder that is a number', { reminderOffsets: [86400] }, /each of reminderOffsets must be text/],
      [
        'a reminder that is not a duration',
        { reminderOffsets: ['the day before'] },
        /"the day before" must be a positive ISO 8601 duration/,
      ],
      ['a reminder listed twice', { reminderOffsets: ['P1D', 'P1D'] }, /"P1D" is listed twice/],
      [
        'a status (events start as drafts)',
        { status: 'published' },
        /^status is not a field we accept: remove it$/,
      ],
      ['a sequence', { sequence: 4 }, /sequence is not a field we accept/],
    ])('answers %s with 400 and drafts nothing', async (_, overrides, message) => {
      const before = await countRows(api, 'events');
      const res = await post(input(overrides));
      const text = expectError(res, 400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(text).not.toMatch(/undefined|NaN|Invalid Date/);
      expect(await countRows(api, 'events')).toBe(before);
    });
  });

  describe('GET /api/v1/events/:id', () => {
    it('answers with the event and its venue', async () => {
      const event = await createEvent(api, token, { venueId: venue.id, ...slot(api, 22) });
      const res = await get(`/api/v1/events/${event.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(event);
    });

    it.each([
      ['an unknown id', UNKNOWN_ID, /no event with id/],
      ['an id that is not a UUID', '12345', /no event with that id/],
    ])('answers %s with 404', async (_, id, message) => {
      expect(expectError(await get(`/api/v1/events/${id}`), 404)).toMatch(message);
    });
  });

  describe('GET /api/v1/events', () => {
    const window = 'from=2026-09-01T00:00:00Z&to=2026-09-05T00:00:00Z';
    const titles = (res: request.Response) => res.body.items.map((event: { title: string }) => event.title);

    beforeAll(async () => {
      const dudley = await createVenue(api, token, { name: 'Dudley Hall', area: 'dudley' });
      const sandwell = await createVenue(api, token, { name: 'Sandwell Hall', area: 'sandwell' });
      // Created out of order, to show the list puts them soonest first.
      const d = await createEvent(api, token, {
        title: 'D',
        kind: 'roundtable',
        venueId: dudley.id,
        startsAt: '2026-09-04T10:00:00Z',
        endsAt: '2026-09-04T12:00:00Z',
      });
      await createEvent(api, token, {
        title: 'A',
        kind: 'listening_event',
        venueId: dudley.id,
        startsAt: '2026-09-01T10:00:00Z',
        endsAt: '2026-09-01T12:00:00Z',
      });
      const b = await createEvent(api, token, {
        title: 'B',
        kind: 'roundtable',
        venueId: sandwell.id,
        startsAt: '2026-09-02T10:00:00Z',
        endsAt: '2026-09-02T12:00:00Z',
      });
      const c = await createEvent(api, token, {
        title: 'C',
        kind: 'roundtable',
        startsAt: '2026-09-03T10:00:00Z',
        endsAt: '2026-09-03T12:00:00Z',
      });
      await publishEvent(api, token, b.id);
      await publishEvent(api, token, d.id);
      await request(api.http)
        .post(`/api/v1/events/${c.id}/cancel`)
        .set(bearer(token))
        .send({ reason: 'No longer needed' })
        .expect(200);
    });

    it('lists events soonest first as { items, total }, in UTC', async () => {
      const res = await get(`/api/v1/events?${window}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['items', 'total']);
      expect(titles(res)).toEqual(['A', 'B', 'C', 'D']);
      expect(res.body.total).toBe(4);
      expect(res.body.items[0]).toMatchObject({
        startsAt: '2026-09-01T10:00:00.000Z',
        venue: { name: 'Dudley Hall' },
      });
    });

    it.each([
      ['area=dudley', ['A', 'D']],
      ['area=sandwell', ['B']],
      ['kind=roundtable', ['B', 'C', 'D']],
      ['kind=listening_event', ['A']],
      ['status=draft', ['A']],
      ['status=published', ['B', 'D']],
      ['status=cancelled', ['C']],
      ['area=dudley&kind=roundtable&status=published', ['D']],
    ])('filters by %s', async (filter, expected) => {
      const res = await get(`/api/v1/events?${window}&${filter}`);
      expect(res.status).toBe(200);
      expect(titles(res)).toEqual(expected);
      expect(res.body.total).toBe(expected.length);
    });

    it('takes from as "ending at or after" and to as "starting before"', async () => {
      expect(titles(await get('/api/v1/events?from=2026-09-02T12:00:00Z&to=2026-09-04T10:00:00Z'))).toEqual([
        'B',
        'C',
      ]);
      expect(titles(await get('/api/v1/events?from=2026-09-02T12:00:01Z&to=2026-09-04T10:00:01Z'))).toEqual([
        'C',
        'D',
      ]);
      // The same moment written in UK summer time.
      expect(
        titles(
          await get(
            `/api/v1/events?from=${encodeURIComponent('2026-09-04T11:00:00+01:00')}&to=2026-09-05T00:00:00Z`,
          ),
        ),
      ).toEqual(['D']);
    });

    it('pages with limit and offset; total counts them all', async () => {
      const res = await get(`/api/v1/events?${window}&limit=2&offset=1`);
      expect(titles(res)).toEqual(['B', 'C']);
      expect(res.body.total).toBe(4);
      expect((await get(`/api/v1/events?${window}&offset=10`)).body).toEqual({ items: [], total: 4 });
    });

    it.each([
      ['limit=0', /limit must be at least 1/],
      ['limit=abc', /^limit must be a whole number$/],
      ['limit=1000', /limit must be at most 200/],
      ['limit=1&limit=2', /limit must be a whole number/],
      ['offset=-1', /offset must be 0 or more/],
      ['offset=x', /offset must be a whole number/],
      ['area=nowhere', /area must be one of: dudley/],
      ['kind=party', /kind must be one of/],
      ['status=archived', /status must be one of: draft, published, cancelled/],
      ['from=tomorrow', /from must be an ISO 8601 time with an offset/],
      ['from=2026-09-01', /from must be an ISO 8601 time/],
      ['to=2026-09-01T10:00:00', /to must be an ISO 8601 time with an offset/],
      ['venue=dudley', /venue is not a field we accept/],
    ])('answers ?%s with 400', async (query, message) => {
      expect(expectError(await get(`/api/v1/events?${query}`), 400)).toMatch(message);
    });
  });

  describe('PATCH /api/v1/events/:id', () => {
    it('changes only the fields sent', async () => {
      const event = await createEvent(api, token, { venueId: venue.id, ...slot(api, 23) });
      const res = await patch(event.id, {
        title: ' Tribunals: what helped ',
        kind: 'roundtable',
        description: 'New words',
        capacity: 30,
        reminderOffsets: ['P3D'],
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...event,
        title: 'Tribunals: what helped',
        kind: 'roundtable',
        kindLabel: 'Roundtable',
        description: 'New words',
        capacity: 30,
        reminderOffsets: ['P3D'],
        updatedAt: expect.stringMatching(ISO_UTC),
        rescheduled: false,
      });
      const { rescheduled: _, ...view } = res.body;
      expect((await get(`/api/v1/events/${event.id}`)).body).toEqual(view);
    });

    it('moves a draft to another time and venue, and online only', async () => {
      const other = await createVenue(api, token, { name: 'Cradley Hall', capacity: 80 });
      const event = await createEvent(api, token, { venueId: venue.id, capacity: 20, ...slot(api, 24) });
      const moved = await patch(event.id, { ...slot(api, 25, 14), venueId: other.id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        ...slot(api, 25, 14),
        venueId: other.id,
        venue: { name: 'Cradley Hall' },
        capacity: 20,
      });
      const online = await patch(event.id, { venueId: null, onlineUrl: 'https://meet.example.org/moved' });
      expect(online.status).toBe(200);
      expect(online.body).toMatchObject({
        venueId: null,
        venue: null,
        format: 'online',
        onlineUrl: 'https://meet.example.org/moved',
      });
    });

    it('keeps the venue of a hybrid event when only its title changes', async () => {
      const event = await createEvent(api, token, {
        venueId: venue.id,
        onlineUrl: 'https://meet.example.org/h',
        ...slot(api, 27),
      });
      const res = await patch(event.id, { title: 'Renamed' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: 'Renamed',
        venueId: venue.id,
        format: 'hybrid',
        capacity: event.capacity,
      });
      expect(await eventRow(event.id)).toMatchObject({
        venue_id: venue.id,
        online_url: 'https://meet.example.org/h',
      });
    });

    it('accepts an empty change', async () => {
      const event = await createEvent(api, token, { venueId: venue.id, ...slot(api, 26) });
      const res = await patch(event.id, {});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: event.title, sequence: 0, rescheduled: false });
    });

    it.each([
      [
        'endsAt before the current start',
        { endsAt: '2026-02-10T09:00:00Z' },
        /endsAt must be after startsAt/,
      ],
      [
        'startsAt without an offset',
        { startsAt: '2026-02-10T10:00:00' },
        /startsAt must be an ISO 8601 time with an offset/,
      ],
      [
        'a startsAt in the past',
        { startsAt: '2026-01-14T10:00:00Z', endsAt: '2026-01-14T12:00:00Z' },
        /startsAt must be in the future/,
      ],
      ['a null startsAt', { startsAt: null }, /startsAt must be an ISO 8601/],
      ['a capacity above the venue', { capacity: 41 }, /capacity 41 is more than the venue holds \(40\)/],
      ['an unknown venueId', { venueId: UNKNOWN_ID }, /does not match any venue/],
      ['taking the venue away with no onlineUrl', { venueId: null }, /give a venueId, an onlineUrl, or both/],
      ['a null title', { title: null }, /^title must be text$/],
      ['a null kind', { kind: null }, /kind must be one of/],
      ['a null description', { description: null }, /description must be text/],
      ['null reminderOffsets', { reminderOffsets: null }, /reminderOffsets must be a list/],
      ['a bad reminder', { reminderOffsets: ['P0D'] }, /"P0D" must be a positive ISO 8601 duration/],
      ['a status', { status: 'cancelled' }, /status is not a field we accept/],
    ])('answers %s with 400 and changes nothing', async (_, body, message) => {
      const place = await createVenue(api, token, { capacity: 40 });
      const event = await createEvent(api, token, {
        venueId: place.id,
        startsAt: '2026-02-10T10:00:00Z',
        endsAt: '2026-02-10T12:00:00Z',
      });
      const before = await eventRow(event.id);
      expect(expectError(await patch(event.id, body), 400)).toMatch(message);
      expect(await eventRow(event.id)).toEqual(before);
    });

    it.each([
      ['an unknown id', UNKNOWN_ID],
      ['an id that is not a UUID', 'event-1'],
    ])('answers %s with 404', async (_, id) => {
      expectError(await patch(id, { title: 'Anything' }), 404);
    });
  });
});
