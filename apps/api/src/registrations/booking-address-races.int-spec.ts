import request from 'supertest';
import { bearer, createEvent, createVenue, publishEvent, slot } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const PER_ADDRESS = 2;

/**
 * One address's requests at once. A public registration takes its event, the address's row for
 * it and the address's lock, then counts the address's registrations of the day with a snapshot
 * taken after the lock (book_registration, or eventAndPerson then book in a transaction): so
 * requests for one address are counted one after the other. Staff take no lock; a race they lose
 * is a unique violation, which must come back as the answer for an existing registration, never
 * a 500.
 */
describe('one address, several requests at once', () => {
  let api: TestApi;
  let staff: string;
  let day = 50;

  beforeAll(async () => {
    api = await createTestApi('booking-address-races', {
      env: {
        PUBLIC_RATE_LIMIT: '100000',
        PUBLIC_REGISTRATIONS_PER_ADDRESS: String(PER_ADDRESS),
        DATABASE_POOL_SIZE: '12',
      },
    });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  async function publishedEvent(capacity: number) {
    const venue = await createVenue(api, staff, { capacity: 100 });
    const event = await createEvent(api, staff, { venueId: venue.id, capacity, ...slot(api, day++) });
    await publishEvent(api, staff, event.id);
    return event;
  }

  const person = (email: string) => ({ name: 'Sam Jones', email, role: 'parent_carer' });
  const madeFor = async (email: string) =>
    (await api.dataSource.query('SELECT count(*)::int AS n FROM registrations WHERE email = $1', [email]))[0]
      .n as number;

  it('gives the address no more than its limit across events, however many it asks for at once', async () => {
    const events = await Promise.all(Array.from({ length: 6 }, () => publishedEvent(10)));
    const email = 'everywhere.at.once@example.org';
    const answers = await Promise.all(
      events.map((event) =>
        request(api.http).post(`/api/v1/public/events/${event.id}/registrations`).send(person(email)),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual(events.map(() => 202));
    expect(await madeFor(email)).toBe(PER_ADDRESS);
  });

  it('makes one row for one address at one event, the public and staff asking at once', async () => {
    const event = await publishedEvent(1);
    const email = 'asked.twice@example.org';
    const publicAnswers = Array.from({ length: 4 }, () =>
      request(api.http).post(`/api/v1/public/events/${event.id}/registrations`).send(person(email)),
    );
    const staffAnswers = Array.from({ length: 3 }, () =>
      request(api.http)
        .post(`/api/v1/events/${event.id}/registrations`)
        .set(bearer(staff))
        .send(person(email)),
    );
    const [fromPublic, fromStaff] = await Promise.all([
      Promise.all(publicAnswers),
      Promise.all(staffAnswers),
    ]);
    expect(fromPublic.map((res) => res.status)).toEqual([202, 202, 202, 202]);
    // Staff are told plainly when someone else made it first.
    for (const res of fromStaff) expect([201, 409]).toContain(res.status);
    expect(await madeFor(email)).toBe(1);
    const [{ places_taken }] = await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [
      event.id,
    ]);
    expect(places_taken).toBe(1);
    const [{ mails }] = await api.dataSource.query(
      `SELECT count(*)::int AS mails FROM notifications WHERE recipient_email = $1 AND kind = 'confirmation'`,
      [email],
    );
    expect(mails).toBe(1);
  });

  it('answers a booking that loses the race for its row inside the booking statement as for an existing one', async () => {
    const event = await publishedEvent(5);
    const email = 'lost.the.race@example.org';
    // Another transaction has written the address's row and not yet committed: the booking does
    // not see it when it reads, and its INSERT waits for it, then fails on the unique constraint
    // (the public's inside book_registration, staff's in their transaction's booking statement).
    const other = api.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(
        `INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash, registered_via)
         VALUES ($1, $2, 'Other', 'parent_carer', 'confirmed', 'race-hash', 'phone')`,
        [event.id, email],
      );
      const fromPublic = request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send(person(email))
        .then((res) => res);
      const fromStaff = request(api.http)
        .post(`/api/v1/events/${event.id}/registrations`)
        .set(bearer(staff))
        .send(person(email))
        .then((res) => res);
      // Both are waiting on the uncommitted row by now.
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The public's inside book_registration, staff's in their transaction's booking statement.
      const [waiting] = await api.dataSource.query(
        `SELECT count(*) FILTER (WHERE query LIKE '%FROM book_registration(%')::int AS public,
                count(*) FILTER (WHERE query LIKE 'WITH asked%')::int AS staff
           FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      expect(waiting).toEqual({ public: 1, staff: 1 });
      await other.commitTransaction();
      expect((await fromPublic).status).toBe(202);
      const staffAnswer = await fromStaff;
      expect(staffAnswer.status).toBe(409);
      expect(staffAnswer.body.message).toMatch(/already has a registration for this event/);
    } finally {
      await other.release();
    }
    expect(await madeFor(email)).toBe(1);
  });
});
