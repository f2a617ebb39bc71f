import request from 'supertest';
import {
  bearer,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
  slot,
} from '../../../../test/support/fixtures';
import { registerAndRead, registrationOf } from '../../../../test/support/registered';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * Issue 12, point 3: the form fits the event. A hybrid event asks how each person takes part and
 * counts only the room's places; people bring companions, each taking a place, never overbooked;
 * the waiting list promotes whole parties that fit; needs are offered by the way of taking part;
 * an optional phone number is checked and shown to staff only.
 */
describe('event formats: hybrid attendance, companions and phone', () => {
  let api: TestApi;
  let staff: string;
  let day = 30;
  let n = 0;

  beforeAll(async () => {
    api = await createTestApi('event-formats', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  async function publishedEvent(format: 'in_person' | 'online' | 'hybrid', capacity?: number) {
    day += 2;
    const venue =
      format === 'online' ? undefined : await createVenue(api, staff, { name: `Room ${day}`, capacity: 50 });
    const event = await createEvent(api, staff, {
      ...slot(api, day),
      ...(venue && { venueId: venue.id }),
      ...(format !== 'in_person' && { onlineUrl: `https://meet.example.org/secret-${day}` }),
      ...(capacity !== undefined && { capacity }),
    });
    await publishEvent(api, staff, event.id);
    return event as { id: string; onlineUrl: string | null };
  }

  function person(extra: Record<string, unknown> = {}) {
    n += 1;
    return {
      name: `Person ${String.fromCharCode(64 + (n % 26) + 1)}`,
      email: `p${n}@example.org`,
      role: 'parent_carer',
      ...extra,
    };
  }

  const placesTaken = async (eventId: string): Promise<number> =>
    (await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [eventId]))[0].places_taken;

  const rowOf = async (eventId: string, email: string) =>
    (
      await api.dataSource.query(
        'SELECT status, attendance, companions, phone FROM registrations WHERE event_id = $1 AND email = $2',
        [eventId, email],
      )
    )[0];

  describe('hybrid events', () => {
    it('require attendance, and count only in-person places: online attendees are never waitlisted', async () => {
      const event = await publishedEvent('hybrid', 2);
      const missing = await registerAndRead(api, event.id, person());
      expect(expectError({ status: missing.status, body: missing.reply } as request.Response, 400)).toMatch(
        /attendance is required/,
      );

      const inPerson = person({ attendance: 'in_person', companions: 1 });
      expect((await registerAndRead(api, event.id, inPerson)).body.status).toBe('confirmed');
      expect(await placesTaken(event.id)).toBe(2);

      const lateInPerson = person({ attendance: 'in_person' });
      expect((await registerAndRead(api, event.id, lateInPerson)).body.status).toBe('waitlisted');

      for (let i = 0; i < 3; i += 1) {
        const online = person({ attendance: 'online', companions: 2 });
        expect((await registerAndRead(api, event.id, online)).body.status).toBe('confirmed');
        expect(await rowOf(event.id, online.email)).toMatchObject({ attendance: 'online', companions: 2 });
      }
      expect(await placesTaken(event.id)).toBe(2);

      const list = await request(api.http).get('/api/v1/events').set(bearer(staff)).expect(200);
      const listed = list.body.items.find((item: { id: string }) => item.id === event.id);
      expect(listed.counts).toMatchObject({ placesTaken: 2, waiting: 1 });
    });

    it('never carries the joining link on public pages or the public API', async () => {
      const event = await publishedEvent('hybrid');
      const secret = event.onlineUrl!;
      const json = await request(api.http).get(`/api/v1/public/events/${event.id}`).expect(200);
      expect(JSON.stringify(json.body)).not.toContain(secret);
      const list = await request(api.http).get('/api/v1/public/events').expect(200);
      expect(JSON.stringify(list.body)).not.toContain(secret);
      for (const path of [`/events/${event.id}`, `/events/${event.id}/register`, '/events']) {
        const page = await request(api.http).get(path).expect(200);
        expect(page.text).not.toContain(secret);
      }
    });

    it('gives the link on the private manage API to online attendees with a place, not to those in the room', async () => {
      const event = await publishedEvent('hybrid');
      const online = person({ attendance: 'online' });
      const room = person({ attendance: 'in_person' });
      await registerAndRead(api, event.id, online);
      await registerAndRead(api, event.id, room);
      const onlineView = await request(api.http)
        .get(
          `/api/v1/public/registrations/${(await registrationOf(api, event.id, online.email)).manageToken}`,
        )
        .expect(200);
      expect(onlineView.body).toMatchObject({ attendance: 'online', joinUrl: event.onlineUrl });
      expect(JSON.stringify(onlineView.body.event)).not.toContain(event.onlineUrl);
      const roomView = await request(api.http)
        .get(`/api/v1/public/registrations/${(await registrationOf(api, event.id, room.email)).manageToken}`)
        .expect(200);
      expect(roomView.body.attendance).toBe('in_person');
      expect(roomView.body.joinUrl).toBeUndefined();
    });

    it('refuses an attendance the event does not offer', async () => {
      const event = await publishedEvent('in_person');
      const res = await request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send(person({ attendance: 'online' }));
      expect(expectError(res, 400)).toMatch(/attendance must be in_person/);
    });
  });

  describe('access needs that fit the way of taking part', () => {
    it('offers online needs to online events and refuses in-room ones, naming them', async () => {
      const event = await publishedEvent('online');
      const res = await request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send(person({ accessNeeds: ['captions', 'step_free', 'childcare'] }));
      const message = expectError(res, 400);
      expect(message).toMatch(/step_free, childcare/);
      expect(message).not.toMatch(/captions/);
      expect(
        await api.dataSource.query('SELECT 1 FROM registrations WHERE event_id = $1', [event.id]),
      ).toEqual([]);

      const fits = person({ accessNeeds: ['captions', 'bsl_on_screen', 'papers_in_advance', 'easy_read'] });
      expect((await registerAndRead(api, event.id, fits)).body.status).toBe('confirmed');
      const tasks: Array<{ need: string }> = await api.dataSource.query(
        'SELECT need FROM access_tasks WHERE event_id = $1 ORDER BY need',
        [event.id],
      );
      expect(tasks.map((task) => task.need)).toEqual([
        'bsl_on_screen',
        'captions',
        'easy_read',
        'papers_in_advance',
      ]);
    });

    it('checks needs against the chosen attendance at a hybrid event, and on the manage API too', async () => {
      const event = await publishedEvent('hybrid');
      const wrong = await request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send(person({ attendance: 'in_person', accessNeeds: ['captions'] }));
      expect(expectError(wrong, 400)).toMatch(/do not fit taking part in person: captions/);

      const online = person({ attendance: 'online', accessNeeds: ['captions'] });
      const { body } = await registerAndRead(api, event.id, online);
      const patch = await request(api.http)
        .patch(`/api/v1/public/registrations/${body.manageToken}`)
        .send({ accessNeeds: ['hearing_loop'] });
      expect(expectError(patch, 400)).toMatch(/hearing_loop/);
    });
  });

  describe('companions', () => {
    it('takes 1 + companions places, all or none, and caps companions at 4', async () => {
      const event = await publishedEvent('in_person', 5);
      const tooMany = await request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send(person({ companions: 5 }));
      expect(expectError(tooMany, 400)).toMatch(/companions must be 4 or fewer/);

      expect((await registerAndRead(api, event.id, person({ companions: 3 }))).body.status).toBe('confirmed');
      expect(await placesTaken(event.id)).toBe(4);
      // Two more would be 6 of 5: the whole party waits, nobody is split off.
      const pair = person({ companions: 1 });
      expect((await registerAndRead(api, event.id, pair)).body.status).toBe('waitlisted');
      expect(await placesTaken(event.id)).toBe(4);
      expect((await registerAndRead(api, event.id, person())).body.status).toBe('confirmed');
      expect(await placesTaken(event.id)).toBe(5);
    });

    it('never overbooks when many parties register at once', async () => {
      const event = await publishedEvent('in_person', 7);
      const parties = Array.from({ length: 12 }, (_, i) => person({ companions: i % 3 }));
      const answers = await Promise.all(
        parties.map((party) =>
          request(api.http).post(`/api/v1/public/events/${event.id}/registrations`).send(party),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(parties.map(() => 202));
      const rows: Array<{ status: string; companions: number }> = await api.dataSource.query(
        'SELECT status, companions FROM registrations WHERE event_id = $1',
        [event.id],
      );
      const confirmedPlaces = rows
        .filter((row) => row.status === 'confirmed')
        .reduce((sum, row) => sum + 1 + row.companions, 0);
      expect(rows).toHaveLength(12);
      expect(confirmedPlaces).toBeLessThanOrEqual(7);
      expect(await placesTaken(event.id)).toBe(confirmedPlaces);
      // Everyone not confirmed is waiting, and no waiting party would have fitted the places left.
      const waiting = rows.filter((row) => row.status === 'waitlisted');
      expect(waiting.length + rows.filter((row) => row.status === 'confirmed').length).toBe(12);
      const smallestWaiting = Math.min(...waiting.map((row) => 1 + row.companions));
      expect(7 - confirmedPlaces).toBeLessThan(smallestWaiting);
    });

    it('frees every place of a party on cancel, promoting the waiting parties that fit, first in first out with a skip', async () => {
      const event = await publishedEvent('in_person', 4);
      const big = person({ companions: 3 });
      const { body: bigBody } = await registerAndRead(api, event.id, big);
      expect(bigBody.status).toBe('confirmed');
      // Waiting, in order: a party of 5 (too big for the room), a party of 3, a party of 2, one person.
      const five = person({ companions: 4 });
      const three = person({ companions: 2 });
      const two = person({ companions: 1 });
      const one = person();
      for (const waiting of [five, three, two, one]) {
        expect((await registerAndRead(api, event.id, waiting)).body.status).toBe('waitlisted');
      }
      await request(api.http).delete(`/api/v1/public/registrations/${bigBody.manageToken}`).expect(200);
      // 4 places freed: the 5 cannot fit and keeps its turn; the 3 fits, the 2 does not (1 left), the 1 does.
      expect((await rowOf(event.id, five.email)).status).toBe('waitlisted');
      expect((await rowOf(event.id, three.email)).status).toBe('confirmed');
      expect((await rowOf(event.id, two.email)).status).toBe('waitlisted');
      expect((await rowOf(event.id, one.email)).status).toBe('confirmed');
      expect(await placesTaken(event.id)).toBe(4);
      const promoted = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE event_id = $1 AND kind = 'promoted'`,
        [event.id],
      );
      expect(promoted[0].n).toBe(2);
    });

    it('re-checks capacity when the number changes on the manage API, and gives back places no longer needed', async () => {
      const event = await publishedEvent('in_person', 4);
      const { body: first } = await registerAndRead(api, event.id, person({ companions: 1 }));
      const second = person();
      await registerAndRead(api, event.id, second);
      expect(await placesTaken(event.id)).toBe(3);

      const tooMany = await request(api.http)
        .patch(`/api/v1/public/registrations/${first.manageToken}`)
        .send({ companions: 3 });
      expect(expectError(tooMany, 409)).toMatch(/only 1 more place is left, not 2/);
      expect(await placesTaken(event.id)).toBe(3);

      await request(api.http)
        .patch(`/api/v1/public/registrations/${first.manageToken}`)
        .send({ companions: 2 })
        .expect(200);
      expect(await placesTaken(event.id)).toBe(4);

      const waiting = person({ companions: 1 });
      expect((await registerAndRead(api, event.id, waiting)).body.status).toBe('waitlisted');
      await request(api.http)
        .patch(`/api/v1/public/registrations/${first.manageToken}`)
        .send({ companions: 0 })
        .expect(200);
      expect((await rowOf(event.id, waiting.email)).status).toBe('confirmed');
      expect(await placesTaken(event.id)).toBe(4);
    });
  });

  describe('phone number', () => {
    it('is optional, checked with a clear message, and shown to staff with the party', async () => {
      const event = await publishedEvent('in_person');
      const bad = await request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send(person({ phone: 'call me maybe' }));
      expect(expectError(bad, 400)).toMatch(/phone must be a phone number of 10 to 15 digits/);

      const caller = person({ phone: ' +44 7700 900123 ', companions: 2 });
      expect((await registerAndRead(api, event.id, caller)).status).toBe(202);
      const list = await request(api.http)
        .get(`/api/v1/events/${event.id}/registrations`)
        .set(bearer(staff))
        .expect(200);
      expect(list.body.items[0]).toMatchObject({
        phone: '+44 7700 900123',
        companions: 2,
        partySize: 3,
        attendance: 'in_person',
      });
    });
  });
});
