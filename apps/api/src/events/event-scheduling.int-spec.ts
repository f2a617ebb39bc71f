import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
} from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

describe('scheduling: venue clashes and capacity', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await createTestApi('scheduling');
    token = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const post = (body: Record<string, unknown>) =>
    request(api.http)
      .post('/api/v1/events')
      .set(bearer(token))
      .send({ title: 'Second booking', kind: 'roundtable', ...body });
  const at = (day: string, from: string, to: string) => ({
    startsAt: `2026-03-${day}T${from}:00Z`,
    endsAt: `2026-03-${day}T${to}:00Z`,
  });
  const eventsAt = async (venueId: string) =>
    Number(
      (await api.dataSource.query('SELECT count(*) FROM events WHERE venue_id = $1', [venueId]))[0].count,
    );

  describe('a venue holds one live event at a time', () => {
    it.each([
      ['the same times', at('02', '10:00', '12:00')],
      ['an overlap at the start', at('02', '09:00', '10:30')],
      ['an overlap at the end', at('02', '11:59', '13:00')],
      ['a time inside it', at('02', '10:30', '11:00')],
      ['a time around it', at('02', '08:00', '14:00')],
    ])('refuses %s with 409, naming the event already there, and drafts nothing', async (_, times) => {
      const venue = await createVenue(api, token, { name: 'Halesowen Library' });
      const first = await createEvent(api, token, {
        title: 'Families waiting for CAMHS',
        venueId: venue.id,
        ...at('02', '10:00', '12:00'),
      });
      const before = await countRows(api, 'events');
      const message = expectError(await post({ venueId: venue.id, ...times }), 409);
      expect(message).toContain('Halesowen Library is already booked for "Families waiting for CAMHS"');
      expect(message).toContain(first.id);
      expect(message).toContain('Monday 2 March 2026, 10am to midday');
      expect(await countRows(api, 'events')).toBe(before);
    });

    it('clashes with a published event just the same', async () => {
      const venue = await createVenue(api, token);
      const first = await createEvent(api, token, {
        title: 'Published one',
        venueId: venue.id,
        ...at('03', '10:00', '12:00'),
      });
      await publishEvent(api, token, first.id);
      expect(expectError(await post({ venueId: venue.id, ...at('03', '11:00', '13:00') }), 409)).toContain(
        '"Published one"',
      );
    });

    it('takes back-to-back events on either side', async () => {
      const venue = await createVenue(api, token);
      await createEvent(api, token, { venueId: venue.id, ...at('04', '10:00', '12:00') });
      expect((await post({ venueId: venue.id, ...at('04', '12:00', '14:00') })).status).toBe(201);
      expect((await post({ venueId: venue.id, ...at('04', '08:00', '10:00') })).status).toBe(201);
      expect(await eventsAt(venue.id)).toBe(3);
    });

    it('compares moments, not the offsets they are written in', async () => {
      const venue = await createVenue(api, token);
      await createEvent(api, token, {
        venueId: venue.id,
        startsAt: '2026-07-01T09:00:00Z',
        endsAt: '2026-07-01T11:00:00Z',
      });
      // 10am to noon BST is 9 to 11 UTC: the same time.
      expectError(
        await post({
          venueId: venue.id,
          startsAt: '2026-07-01T10:00:00+01:00',
          endsAt: '2026-07-01T12:00:00+01:00',
        }),
        409,
      );
      // Noon to 2pm BST (11:00 to 13:00 UTC) follows straight on.
      expect(
        (
          await post({
            venueId: venue.id,
            startsAt: '2026-07-01T12:00:00+01:00',
            endsAt: '2026-07-01T14:00:00+01:00',
          })
        ).status,
      ).toBe(201);
    });

    it('lets another venue host at the same time', async () => {
      const one = await createVenue(api, token);
      const two = await createVenue(api, token);
      await createEvent(api, token, { venueId: one.id, ...at('05', '10:00', '12:00') });
      expect((await post({ venueId: two.id, ...at('05', '10:00', '12:00') })).status).toBe(201);
    });

    it('is freed by cancelling the event there', async () => {
      const venue = await createVenue(api, token);
      const first = await createEvent(api, token, { venueId: venue.id, ...at('06', '10:00', '12:00') });
      expectError(await post({ venueId: venue.id, ...at('06', '10:00', '12:00') }), 409);
      await request(api.http)
        .post(`/api/v1/events/${first.id}/cancel`)
        .set(bearer(token))
        .send({ reason: 'Room flooded' })
        .expect(200);
      const again = await post({ venueId: venue.id, ...at('06', '10:00', '12:00') });
      expect(again.status).toBe(201);
      expect(again.body.venueId).toBe(venue.id);
    });

    it('refuses a change that moves an event onto another, naming it, and changes nothing', async () => {
      const venue = await createVenue(api, token);
      await createEvent(api, token, {
        title: 'Morning session',
        venueId: venue.id,
        ...at('07', '10:00', '12:00'),
      });
      const afternoon = await createEvent(api, token, {
        title: 'Afternoon session',
        venueId: venue.id,
        ...at('07', '13:00', '15:00'),
      });
      const res = await request(api.http)
        .patch(`/api/v1/events/${afternoon.id}`)
        .set(bearer(token))
        .send(at('07', '11:00', '13:00'));
      expect(expectError(res, 409)).toContain('"Morning session"');
      expect((await request(api.http).get(`/api/v1/events/${afternoon.id}`).set(bearer(token))).body).toEqual(
        afternoon,
      );
      // Moving within its own slot is not a clash with itself.
      const longer = await request(api.http)
        .patch(`/api/v1/events/${afternoon.id}`)
        .set(bearer(token))
        .send(at('07', '12:00', '15:00'));
      expect(longer.status).toBe(200);
    });

    it('refuses a change of venue onto a booked one', async () => {
      const busy = await createVenue(api, token, { name: 'Busy Hall' });
      const quiet = await createVenue(api, token);
      await createEvent(api, token, {
        title: 'Already here',
        venueId: busy.id,
        ...at('08', '10:00', '12:00'),
      });
      const event = await createEvent(api, token, { venueId: quiet.id, ...at('08', '10:00', '12:00') });
      expect(
        expectError(
          await request(api.http)
            .patch(`/api/v1/events/${event.id}`)
            .set(bearer(token))
            .send({ venueId: busy.id }),
          409,
        ),
      ).toContain('Busy Hall is already booked for "Already here"');
      expect(await eventsAt(quiet.id)).toBe(1);
    });
  });

  describe('online events', () => {
    it('need no venue, and never clash with each other', async () => {
      const first = await post({ onlineUrl: 'https://meet.example.org/one', ...at('10', '10:00', '12:00') });
      const second = await post({ onlineUrl: 'https://meet.example.org/two', ...at('10', '10:00', '12:00') });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(first.body).toMatchObject({ venueId: null, format: 'online', capacity: null });
    });

    it('take a capacity of their own', async () => {
      const res = await post({
        onlineUrl: 'https://meet.example.org/three',
        capacity: 300,
        ...at('10', '10:00', '12:00'),
      });
      expect(res.status).toBe(201);
      expect(res.body.capacity).toBe(300);
    });

    it('an event with neither a venue nor a link is refused with 400', async () => {
      const before = await countRows(api, 'events');
      expect(expectError(await post(at('10', '10:00', '12:00')), 400)).toMatch(
        /give a venueId, an onlineUrl, or both/,
      );
      expect(await countRows(api, 'events')).toBe(before);
    });
  });

  describe('capacity', () => {
    it("defaults to the venue's", async () => {
      const venue = await createVenue(api, token, { capacity: 35 });
      const res = await post({ venueId: venue.id, ...at('11', '10:00', '12:00') });
      expect(res.body.capacity).toBe(35);
      expect(
        (await api.dataSource.query('SELECT capacity FROM events WHERE id = $1', [res.body.id]))[0].capacity,
      ).toBe(35);
    });

    it("may be lower than the venue's, or equal, but not higher", async () => {
      const venue = await createVenue(api, token, { capacity: 35 });
      expect(
        (await post({ venueId: venue.id, capacity: 20, ...at('12', '10:00', '12:00') })).body.capacity,
      ).toBe(20);
      expect(
        (await post({ venueId: venue.id, capacity: 35, ...at('12', '13:00', '15:00') })).body.capacity,
      ).toBe(35);
      const before = await countRows(api, 'events');
      expect(
        expectError(await post({ venueId: venue.id, capacity: 36, ...at('12', '16:00', '18:00') }), 400),
      ).toMatch(/capacity 36 is more than the venue holds \(35\)/);
      expect(await countRows(api, 'events')).toBe(before);
    });

    it("of a venue cannot be lowered below an upcoming event's, and the 409 names the event", async () => {
      const venue = await createVenue(api, token, { capacity: 60 });
      await createEvent(api, token, {
        title: 'Post-16 places roundtable',
        venueId: venue.id,
        ...at('13', '10:00', '12:00'),
      });
      const res = await request(api.http)
        .patch(`/api/v1/venues/${venue.id}`)
        .set(bearer(token))
        .send({ capacity: 30 });
      expect(expectError(res, 409)).toMatch(
        /less than the 60 places planned for "Post-16 places roundtable"/,
      );
      expect(
        (await request(api.http).get(`/api/v1/venues/${venue.id}`).set(bearer(token))).body.capacity,
      ).toBe(60);
    });
  });

  describe('at the same moment', () => {
    it('ten simultaneous bookings of one venue and time: exactly one wins, nine get 409 naming it', async () => {
      const venue = await createVenue(api, token, { name: 'Contested Hall' });
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          post({ title: `Booking ${n}`, venueId: venue.id, ...at('20', '10:00', '12:00') }),
        ),
      );
      const statuses = responses.map((res) => res.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      const winner = responses.find((res) => res.status === 201)!.body;
      for (const loser of responses.filter((res) => res.status === 409)) {
        expect(expectError(loser, 409)).toContain(`Contested Hall is already booked for "${winner.title}"`);
      }
      expect(
        await api.dataSource.query('SELECT id, title FROM events WHERE venue_id = $1', [venue.id]),
      ).toEqual([{ id: winner.id, title: winner.title }]);
    });

    it('ten simultaneous moves onto one slot: exactly one wins', async () => {
      const venue = await createVenue(api, token);
      const events = [];
      for (let n = 0; n < 10; n += 1) {
        events.push(
          await createEvent(api, token, {
            venueId: venue.id,
            startsAt: `2026-04-${String(n + 1).padStart(2, '0')}T10:00:00Z`,
            endsAt: `2026-04-${String(n + 1).padStart(2, '0')}T12:00:00Z`,
          }),
        );
      }
      const responses = await Promise.all(
        events.map((event) =>
          request(api.http)
            .patch(`/api/v1/events/${event.id}`)
            .set(bearer(token))
            .send(at('21', '10:00', '12:00')),
        ),
      );
      expect(responses.map((res) => res.status).sort()).toEqual([
        200, 409, 409, 409, 409, 409, 409, 409, 409, 409,
      ]);
      const [{ count }] = await api.dataSource.query(
        `SELECT count(*)::int AS count FROM events WHERE venue_id = $1 AND starts_at = '2026-03-21T10:00:00Z'`,
        [venue.id],
      );
      expect(count).toBe(1);
    });
  });
});
