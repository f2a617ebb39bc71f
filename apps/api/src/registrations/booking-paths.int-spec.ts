import { addressLockSql, BookingEvents, RegistrationsRepository } from '@roundtable/registrations';
import request from 'supertest';
import { createEvent, createVenue, publishEvent, slot } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const PER_ADDRESS = 2;

/**
 * A public registration is booked by book_registration (a database function, see its migration)
 * or, when that cannot answer, by a transaction (RegistrationsRepository.book): the function
 * repeats the transaction's SQL, so these hold the two to each other. The same people booked both
 * ways write the same rows; the function takes the transactions' address lock and counts the
 * address's day after it; and an api whose database has no such function yet books through the
 * transaction instead of failing.
 */
describe('a public booking, by book_registration or by the transaction', () => {
  let api: TestApi;
  let staff: string;
  let day = 70;

  beforeAll(async () => {
    api = await createTestApi('booking-paths', {
      env: { PUBLIC_RATE_LIMIT: '100000', PUBLIC_REGISTRATIONS_PER_ADDRESS: String(PER_ADDRESS) },
    });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  /** Events alike but for their ids: the same slot (at venues of their own) and capacity. */
  async function publishedEvent(capacity: number, daysAhead = day++) {
    const venue = await createVenue(api, staff, { capacity: 100 });
    const event = await createEvent(api, staff, { venueId: venue.id, capacity, ...slot(api, daysAhead) });
    await publishEvent(api, staff, event.id);
    return event;
  }

  const person = (who: string, name = 'Sam Jones') => ({
    name,
    email: `${who}@example.org`,
    role: 'parent_carer',
  });
  const post = async (eventId: string, body: object): Promise<{ status: number }> =>
    request(api.http).post(`/api/v1/public/events/${eventId}/registrations`).send(body);

  /** Which way each booking went (the statements run as they would: watched, not replaced). */
  async function watched<T>(
    run: () => Promise<T>,
  ): Promise<{ value: T; verdicts: string[]; transactions: number }> {
    const repository = api.app.get(RegistrationsRepository);
    const withFunction = jest.spyOn(repository, 'bookWithFunction');
    const inTransaction = jest.spyOn(repository, 'book');
    try {
      const value = await run();
      const verdicts = await Promise.all(
        withFunction.mock.results.map(async (result) => (await result.value).verdict as string),
      );
      return { value, verdicts, transactions: inTransaction.mock.calls.length };
    } finally {
      withFunction.mockRestore();
      inTransaction.mockRestore();
    }
  }

  /**
   * The event's registrations and their ledger rows, without what differs by path for no
   * reason (ids, times of writing, tokens): ids in keys are named, reminders' times are kept
   * as the time before the event they are sent.
   */
  async function written(eventId: string) {
    const registrations = await api.dataSource.query(
      `SELECT to_jsonb(r) - ARRAY['id', 'event_id', 'manage_token_hash', 'link_nonce', 'link_key_id',
                                  'queue_position', 'created_at', 'updated_at', 'confirmed_at']
              || jsonb_build_object('confirmed', r.confirmed_at IS NOT NULL, 'linked',
                                    r.link_nonce IS NOT NULL AND r.link_key_id IS NOT NULL) AS row
         FROM registrations r WHERE r.event_id = $1 ORDER BY r.email`,
      [eventId],
    );
    const notifications = await api.dataSource.query(
      `SELECT to_jsonb(n) - ARRAY['id', 'event_id', 'registration_id', 'subject_id', 'request_id',
                                  'send_at', 'created_at', 'updated_at', 'idempotency_key']
              || jsonb_build_object(
                   'key', replace(n.idempotency_key, n.registration_id::text, '<registration>'),
                   'subject', n.subject_id = n.registration_id,
                   'requested', n.request_id IS NOT NULL,
                   'before_start', CASE WHEN n.kind = 'reminder' THEN (e.starts_at - n.send_at)::text END) AS row
         FROM notifications n JOIN events e ON e.id = n.event_id
        WHERE n.event_id = $1 ORDER BY n.recipient_email, n.kind, n.idempotency_key`,
      [eventId],
    );
    return { registrations, notifications };
  }

  it('writes the same rows whichever way it books, confirmed and waitlisted', async () => {
    const startsIn = day++;
    const [byFunction, byTransaction] = [
      await publishedEvent(1, startsIn),
      await publishedEvent(1, startsIn),
    ];
    const people = [
      person('first.twin'),
      { ...person('second.twin', 'Alex Smith'), phone: ' 01234 567890 ', companions: 0 },
    ];

    const one = await watched(async () => {
      for (const body of people) expect((await post(byFunction.id, body)).status).toBe(202);
    });
    expect(one.verdicts).toEqual(['booked', 'booked']);
    expect(one.transactions).toBe(0);

    const forced = jest.spyOn(BookingEvents.prototype, 'get').mockResolvedValue(null);
    let other: { verdicts: string[]; transactions: number };
    try {
      other = await watched(async () => {
        for (const body of people) expect((await post(byTransaction.id, body)).status).toBe(202);
      });
    } finally {
      forced.mockRestore();
    }
    expect(other.verdicts).toEqual([]);
    expect(other.transactions).toBe(2);

    const fromFunction = await written(byFunction.id);
    expect(fromFunction.registrations.map(({ row }: { row: { status: string } }) => row.status)).toEqual([
      'confirmed',
      'waitlisted',
    ]);
    expect(fromFunction.notifications.length).toBe(1 + byFunction.reminderOffsets.length + 1);
    expect(await written(byTransaction.id)).toEqual(fromFunction);
  });

  it('waits for a transaction holding the address lock, then counts what it wrote', async () => {
    const [first, second, third] = [
      await publishedEvent(5),
      await publishedEvent(5),
      await publishedEvent(5),
    ];
    const email = 'counted.after.the.lock@example.org';
    expect((await post(first.id, person('counted.after.the.lock'))).status).toBe(202);

    const other = api.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      // Another public request for the address, as a transaction makes it: the lock, then its row.
      await other.query(`SELECT ${addressLockSql('$1')}`, [email]);
      await other.query(
        `INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash)
         VALUES ($1, $2, 'Sam', 'parent_carer', 'confirmed', 'held-lock-hash')`,
        [second.id, email],
      );
      const asked = watched(() => post(third.id, person('counted.after.the.lock')));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [{ waiting }] = await api.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
            AND query LIKE '%FROM book_registration(%'`,
      );
      expect(waiting).toBe(1);
      await other.commitTransaction();
      const { value: answer, verdicts, transactions } = await asked;
      expect(answer.status).toBe(202);
      expect(verdicts).toEqual(['limited']);
      expect(transactions).toBe(0);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND email = $2',
      [third.id, email],
    );
    expect(n).toBe(0);
  });

  it('books through the transaction while the database has no book_registration yet', async () => {
    const event = await publishedEvent(5);
    await api.dataSource.query('ALTER FUNCTION book_registration RENAME TO book_registration_not_yet');
    let booked: { value: { status: number }; verdicts: string[]; transactions: number };
    try {
      booked = await watched(() => post(event.id, person('before.the.migration')));
    } finally {
      await api.dataSource.query('ALTER FUNCTION book_registration_not_yet RENAME TO book_registration');
    }
    expect(booked.value.status).toBe(202);
    expect(booked.verdicts).toEqual(['no-function']);
    expect(booked.transactions).toBe(1);
    const [{ status }] = await api.dataSource.query(
      'SELECT status FROM registrations WHERE event_id = $1 AND email = $2',
      [event.id, 'before.the.migration@example.org'],
    );
    expect(status).toBe('confirmed');
  });
});
