import { takePlaces } from '@roundtable/events';
import request from 'supertest';
import { bearer, createEvent, createVenue, publishEvent, slot } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * Promotion from the waiting list is set-based: raising the capacity by 50 runs the same number
 * of statements as raising it by 5, still confirms the longest-waiting first, and never takes
 * more places than there are.
 */
describe('promotion from the waiting list', () => {
  let api: TestApi;
  let staff: string;
  let day = 20;

  beforeAll(async () => {
    api = await createTestApi('waitlist-promotion');
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  /** A published event with `confirmed` people holding every place and `waiting` people after them. */
  async function fullEvent(confirmed: number, waiting: number): Promise<{ id: string }> {
    // Step-free access is met by the venue; a BSL interpreter is a task for staff.
    const venue = await createVenue(api, staff, {
      capacity: 2000,
      accessFeatures: ['step_free_access', 'hearing_loop'],
    });
    day += 3;
    const event = await createEvent(api, staff, {
      venueId: venue.id,
      capacity: confirmed,
      ...slot(api, day),
    });
    await publishEvent(api, staff, event.id);
    // In queue order: the confirmed first, then the waiting; every third waiting person asks
    // for a BSL interpreter, every fifth for step-free access.
    await api.dataSource.query(
      `INSERT INTO registrations (event_id, email, name, status, manage_token_hash, confirmed_at, access_needs)
       SELECT $1::uuid, 'person.' || n || '.' || $1::text || '@example.org', 'Person ' || n,
              CASE WHEN n <= $2 THEN 'confirmed' ELSE 'waitlisted' END, md5($1::text || n),
              CASE WHEN n <= $2 THEN now() END,
              CASE WHEN n > $2 AND n % 3 = 0 THEN '{bsl_interpreter}'::text[]
                   WHEN n > $2 AND n % 5 = 0 THEN '{step_free_access}'::text[] ELSE '{}'::text[] END
         FROM generate_series(1, $2::int + $3::int) AS n ORDER BY n`,
      [event.id, confirmed, waiting],
    );
    await api.dataSource.query('UPDATE events SET places_taken = $2 WHERE id = $1', [event.id, confirmed]);
    return event;
  }

  /** The statements run inside transactions while `work` runs, counted by TypeORM's query logger. */
  async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
    const logger = api.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    const statements: string[] = [];
    logger.logQuery = (query, parameters, runner) => {
      if (runner?.isTransactionActive) statements.push(query);
      return logQuery(query, parameters, runner);
    };
    try {
      await work();
    } finally {
      logger.logQuery = logQuery;
    }
    return statements;
  }

  const raiseCapacity = (eventId: string, capacity: number) =>
    request(api.http).patch(`/api/v1/events/${eventId}`).set(bearer(staff)).send({ capacity });

  async function waitlistInOrder(eventId: string): Promise<Array<{ id: string; n: number; status: string }>> {
    return api.dataSource.query(
      `SELECT id, split_part(email, '.', 2)::int AS n, status FROM registrations
        WHERE event_id = $1 ORDER BY queue_position`,
      [eventId],
    );
  }

  it('raises the capacity by 50 with 60 waiting: the 50 longest-waiting are confirmed and told, in statements that do not grow with 50', async () => {
    const small = await fullEvent(10, 6);
    const large = await fullEvent(10, 60);

    let smallAnswer: request.Response | undefined;
    let largeAnswer: request.Response | undefined;
    const smallStatements = await statementsDuring(async () => {
      smallAnswer = await raiseCapacity(small.id, 15);
    });
    const largeStatements = await statementsDuring(async () => {
      largeAnswer = await raiseCapacity(large.id, 60);
    });
    expect(smallAnswer?.status).toBe(200);
    expect(largeAnswer?.status).toBe(200);

    const people = await waitlistInOrder(large.id);
    // The 10 who had places and the 50 who waited longest are confirmed; the last 10 still wait.
    expect(people.filter((person) => person.status === 'confirmed').map((person) => person.n)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    expect(people.filter((person) => person.status === 'waitlisted').map((person) => person.n)).toEqual(
      Array.from({ length: 10 }, (_, i) => 61 + i),
    );
    const [{ places_taken }] = await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [
      large.id,
    ]);
    expect(places_taken).toBe(60);

    // Each promoted person is told (and reminded); nobody else is.
    const told: Array<{ registration_id: string; kind: string; count: number }> = await api.dataSource.query(
      `SELECT registration_id, kind, count(*)::int AS count FROM notifications
        WHERE event_id = $1 GROUP BY 1, 2`,
      [large.id],
    );
    const promotedIds = people.slice(10, 60).map((person) => person.id);
    expect(
      told
        .filter((row) => row.kind === 'promoted')
        .map((row) => row.registration_id)
        .sort(),
    ).toEqual([...promotedIds].sort());
    expect(
      told.filter((row) => row.kind === 'reminder').every((row) => promotedIds.includes(row.registration_id)),
    ).toBe(true);
    expect(told.filter((row) => row.kind === 'reminder')).toHaveLength(50);

    // Access tasks for the promoted who need one arranged (not for the still waiting, nor for
    // step-free access, which the venue has).
    const tasks: Array<{ registration_id: string; need: string; status: string }> =
      await api.dataSource.query(
        'SELECT registration_id, need, status FROM access_tasks WHERE event_id = $1',
        [large.id],
      );
    const needingBsl = people.slice(10, 60).filter((person) => person.n % 3 === 0);
    expect(tasks.map((task) => task.registration_id).sort()).toEqual(needingBsl.map((p) => p.id).sort());
    expect(tasks.every((task) => task.need === 'bsl_interpreter' && task.status === 'open')).toBe(true);

    // The same statements for 50 people as for 5 (15 for the whole change today, about 300
    // when each person took five or six of their own).
    expect(largeStatements).toHaveLength(smallStatements.length);
    expect(largeStatements.length).toBeLessThan(25);
  });

  it('takes no more places than are free, however many transactions take several at once', async () => {
    const event = await fullEvent(1, 0);
    await raiseCapacity(event.id, 26).expect(200);
    const taken = await Promise.all(
      Array.from({ length: 12 }, () =>
        api.dataSource.transaction((manager) => takePlaces(manager, event.id, 3)),
      ),
    );
    expect(taken.reduce((sum, n) => sum + n, 0)).toBe(25);
    expect(taken.every((n) => n >= 0 && n <= 3)).toBe(true);
    const [{ places_taken }] = await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [
      event.id,
    ]);
    expect(places_taken).toBe(26);
  });
});
