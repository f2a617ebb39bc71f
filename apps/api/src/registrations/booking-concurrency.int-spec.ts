import { RegistrationsRepository } from '@roundtable/registrations';
import { Duration } from 'luxon';
import request from 'supertest';
import {
  bearer,
  createEvent,
  createVenue,
  lettersFor,
  publishEvent,
  slot,
} from '../../../../test/support/fixtures';
import { registerAndRead } from '../../../../test/support/registered';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const person = (n: number) => ({
  name: `Carer ${lettersFor(n)}`,
  email: `carer.${n}@example.org`,
  role: 'parent_carer',
});

/**
 * A public registration takes its places, writes its row and its messages in one statement
 * (book_registration, through RegistrationsRepository.bookWithFunction), under the event's and
 * the address's locks it takes first, against a copy of the event it checks is still current.
 * These check what that statement writes, and that it neither overbooks nor deadlocks
 * when people cancel (superseding their pending messages and promoting the waiting) and staff
 * reschedule (superseding every pending message of the event) and raise the capacity meanwhile.
 */
describe('a public booking, written in one statement', () => {
  let api: TestApi;
  let staff: string;

  beforeAll(async () => {
    api = await createTestApi('booking-concurrency', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  async function publishedEvent(capacity: number, daysAhead: number) {
    const venue = await createVenue(api, staff, { capacity: 100 });
    const event = await createEvent(api, staff, { venueId: venue.id, capacity, ...slot(api, daysAhead) });
    await publishEvent(api, staff, event.id);
    return event;
  }

  const register = (eventId: string, n: number) => registerAndRead(api, eventId, person(n));

  const ledgerOf = (eventId: string, registrationId: string) =>
    api.dataSource.query(
      `SELECT kind, idempotency_key, event_sequence, payload, send_at, status FROM notifications
        WHERE event_id = $1 AND registration_id = $2 ORDER BY send_at, kind`,
      [eventId, registrationId],
    );

  it('plans a confirmation and its reminders for a place, and the place in line for the waiting list', async () => {
    const event = await publishedEvent(1, 30);
    const placed = await register(event.id, 1);
    const waiting = [await register(event.id, 2), await register(event.id, 3)];
    expect([placed.body.status, ...waiting.map((w) => w.body.status)]).toEqual([
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);

    const confirmed = await ledgerOf(event.id, placed.body.id);
    const reminders = event.reminderOffsets.length;
    expect(confirmed.map((row: { kind: string }) => row.kind).sort()).toEqual(
      ['confirmation', ...Array(reminders).fill('reminder')].sort(),
    );
    expect(confirmed.find((row: { kind: string }) => row.kind === 'confirmation')).toMatchObject({
      idempotency_key: `confirmation:${placed.body.id}:${event.sequence}`,
      event_sequence: event.sequence,
      payload: {},
      status: 'pending',
    });

    for (const [index, { body }] of waiting.entries()) {
      expect(await ledgerOf(event.id, body.id)).toEqual([
        expect.objectContaining({
          kind: 'waitlisted',
          idempotency_key: `waitlisted:${body.id}:${event.sequence}`,
          payload: { position: index + 1 },
          status: 'pending',
        }),
      ]);
    }
  });

  it('books against the event as it is now, not as the copy an earlier booking kept', async () => {
    const event = await publishedEvent(5, 60);
    // The first booking keeps a copy of the event (BookingEvents); staff then move it.
    await register(event.id, 500);
    const moved = await request(api.http)
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(staff))
      .send(slot(api, 61));
    expect(moved.status).toBe(200);
    // Watched, not replaced: the statements run as they would.
    const repository = api.app.get(RegistrationsRepository);
    const oneStatement = jest.spyOn(repository, 'bookWithFunction');
    const inTransaction = jest.spyOn(repository, 'book');
    let later: Awaited<ReturnType<typeof register>>;
    try {
      later = await register(event.id, 501);
      // The kept copy was found out of date ('moved'), read again, and booked with it.
      const verdicts = await Promise.all(
        oneStatement.mock.results.map(async (result) => (await result.value).verdict),
      );
      expect(verdicts).toEqual(['moved', 'booked']);
      expect(inTransaction).not.toHaveBeenCalled();
    } finally {
      oneStatement.mockRestore();
      inTransaction.mockRestore();
    }
    expect(later.body.status).toBe('confirmed');
    const ledger = await ledgerOf(event.id, later.body.id);
    // The confirmation and one reminder an offset (all still ahead of an event 61 days away).
    expect(ledger).toHaveLength(1 + moved.body.reminderOffsets.length);
    expect(ledger.map((row: { event_sequence: number }) => row.event_sequence)).toEqual(
      ledger.map(() => moved.body.sequence),
    );
    const startsAt = new Date(moved.body.startsAt).getTime();
    const reminders = ledger.filter((row: { kind: string }) => row.kind === 'reminder');
    expect(reminders.map((row: { payload: { offset: string } }) => row.payload.offset).sort()).toEqual(
      [...moved.body.reminderOffsets].sort(),
    );
    for (const row of reminders) {
      // Sent its offset before the event's new start, not the old one's.
      expect(new Date(row.send_at).getTime()).toBe(
        startsAt - Duration.fromISO(row.payload.offset).as('milliseconds'),
      );
      expect(row.idempotency_key).toMatch(new RegExp(`^reminder:${later.body.id}:${moved.body.sequence}:`));
    }

    // Cancelled since the copy was kept: refused as before, and nothing is written.
    const cancelled = await request(api.http)
      .post(`/api/v1/events/${event.id}/cancel`)
      .set(bearer(staff))
      .send({ reason: 'The room flooded' });
    expect(cancelled.status).toBe(200);
    const refused = await request(api.http)
      .post(`/api/v1/public/events/${event.id}/registrations`)
      .send(person(502));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/cancelled/);
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND email = $2',
      [event.id, person(502).email],
    );
    expect(n).toBe(0);
  });

  it('books a second time against the kept copy of an unchanged event, reading it no more', async () => {
    const event = await publishedEvent(5, 62);
    await register(event.id, 600);
    // Every statement run outside a transaction (the copy's read, book_registration) goes
    // through the data source's own manager.
    const statements = jest.spyOn(api.dataSource.manager, 'query');
    let answer: Awaited<ReturnType<typeof register>>;
    try {
      answer = await register(event.id, 601);
      const sql = statements.mock.calls.map(([query]) => query);
      expect(sql.filter((query) => query.includes('FROM book_registration('))).toHaveLength(1);
      expect(sql.filter((query) => query.includes('event_booking_fingerprint(events)'))).toEqual([]);
    } finally {
      statements.mockRestore();
    }
    expect(answer.body.status).toBe('confirmed');
  });

  it('neither overbooks nor deadlocks while people cancel and staff reschedule and raise the capacity', async () => {
    const event = await publishedEvent(10, 40);
    const first = [];
    for (let n = 0; n < 12; n++) first.push((await register(event.id, 100 + n)).body);
    const leaving = first.filter((registration) => registration.status === 'confirmed').slice(0, 6);

    const answers = await Promise.all([
      ...Array.from({ length: 30 }, (_, n) =>
        request(api.http)
          .post(`/api/v1/public/events/${event.id}/registrations`)
          .send(person(200 + n)),
      ),
      ...leaving.map((registration) =>
        request(api.http).delete(`/api/v1/public/registrations/${registration.manageToken}`),
      ),
      ...[41, 42].map((day) =>
        request(api.http).patch(`/api/v1/events/${event.id}`).set(bearer(staff)).send(slot(api, day)),
      ),
      request(api.http).patch(`/api/v1/events/${event.id}`).set(bearer(staff)).send({ capacity: 14 }),
    ]);
    // A deadlock would be a 500 (Postgres aborts one of the transactions).
    expect(answers.map((res) => res.status).filter((status) => status >= 300)).toEqual([]);

    const [{ places_taken, capacity, sequence }] = await api.dataSource.query(
      'SELECT places_taken, capacity, sequence FROM events WHERE id = $1',
      [event.id],
    );
    const counts: Array<{ status: string; n: number }> = await api.dataSource.query(
      'SELECT status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status',
      [event.id],
    );
    const count = (status: string) => counts.find((row) => row.status === status)?.n ?? 0;
    expect(capacity).toBe(14);
    expect(sequence).toBe(event.sequence + 2);
    expect(places_taken).toBe(count('confirmed'));
    expect(count('confirmed') + count('waitlisted') + count('cancelled')).toBe(42);
    expect(count('cancelled')).toBe(6);
    // Free places go to the people waiting: no one waits while a place is free.
    if (count('waitlisted') > 0) expect(places_taken).toBe(capacity);

    // Everyone still in is told at the event's final sequence, whichever came first: their own
    // booking (planned at it) or the reschedule (which re-plans what it supersedes).
    const untold = await api.dataSource.query(
      `SELECT r.id FROM registrations r
        WHERE r.event_id = $1 AND r.status IN ('confirmed', 'waitlisted')
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.registration_id = r.id
                           AND n.event_sequence = $2 AND n.status = 'pending')`,
      [event.id, sequence],
    );
    expect(untold).toEqual([]);
    // Those who left are sent no more reminders.
    const [{ reminders }] = await api.dataSource.query(
      `SELECT count(*)::int AS reminders FROM notifications n JOIN registrations r ON r.id = n.registration_id
        WHERE r.event_id = $1 AND r.status = 'cancelled' AND n.kind = 'reminder' AND n.status = 'pending'`,
      [event.id],
    );
    expect(reminders).toBe(0);
  });
});
