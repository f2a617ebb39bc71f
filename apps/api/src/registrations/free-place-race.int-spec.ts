import { RegistrationsRepository, RegistrationsService } from '@roundtable/registrations';
import request from 'supertest';
import { createEvent, createVenue, publishEvent, slot } from '../../../../test/support/fixtures';
import { registerAndRead } from '../../../../test/support/registered';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * A booking that starts while a cancel's transaction has given its place back but not committed:
 * the booking's UPDATE (takePlaceSql) judges the event's row as its snapshot sees it (full) and
 * does not wait for the cancel, so the person is waitlisted; the cancel's promotion, before its
 * commit, cannot see them, and the booking's own check after its commit still sees the place
 * taken. What closes the gap is the cancel's check once it has committed (promoteAfterCommit, as
 * cancelByToken, updateByToken, an event's update and an attendance undone all run): it sees the
 * place free and the person waiting, and promotes them.
 */
describe('a booking while a place is being given back', () => {
  let api: TestApi;
  let staff: string;
  beforeAll(async () => {
    api = await createTestApi('free-place-race', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  it('does not leave someone waiting while a place is free', async () => {
    const venue = await createVenue(api, staff, { capacity: 100 });
    const event = await createEvent(api, staff, { venueId: venue.id, capacity: 1, ...slot(api, 30) });
    await publishEvent(api, staff, event.id);
    const first = await registerAndRead(api, event.id, {
      name: 'Ann Jones',
      email: 'ann@example.org',
      role: 'parent_carer',
    });
    expect(first.body.status).toBe('confirmed');
    // What a cancel does before it promotes: its place given back, not yet committed.
    const cancel = api.dataSource.createQueryRunner();
    await cancel.connect();
    await cancel.startTransaction();
    await cancel.query(`UPDATE registrations SET status = 'cancelled' WHERE id = $1`, [first.body.id]);
    await cancel.query(`UPDATE events SET places_taken = places_taken - 1 WHERE id = $1`, [event.id]);
    const booking = request(api.http)
      .post(`/api/v1/public/events/${event.id}/registrations`)
      .send({ name: 'Ben Jones', email: 'ben@example.org', role: 'parent_carer' })
      .then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // (the cancel's promotion would run here, and find no one waiting)
    await cancel.commitTransaction();
    await cancel.release();
    expect((await booking).status).toBe(202);
    // What the cancel does once committed.
    await api.app.get(RegistrationsService).promoteAfterCommit(event.id);
    const [row] = await api.dataSource.query(
      `SELECT (SELECT places_taken FROM events WHERE id = $1) AS places_taken,
              (SELECT status FROM registrations WHERE event_id = $1 AND email = 'ben@example.org') AS ben`,
      [event.id],
    );
    expect(row).toEqual({ places_taken: 1, ben: 'confirmed' });
  });

  /**
   * Two checks after commits at once (the race above ends in two or three of them). The first has
   * locked the line as its snapshot saw it (Dee alone) when Eve joins it; the second sees both,
   * skips Dee (locked) and locks Eve. Whichever takes the free place must not be the one holding
   * only the later person: the event's row is taken before the line is read, so the second waits
   * for the first, and then finds the place gone.
   */
  it('gives a free place to the longest waiting when two checks run at once', async () => {
    const venue = await createVenue(api, staff, { capacity: 100 });
    const event = await createEvent(api, staff, { venueId: venue.id, capacity: 1, ...slot(api, 31) });
    await publishEvent(api, staff, event.id);
    // Cai takes the place; Dee, then Eve, wait for it.
    for (const name of ['cai', 'dee', 'eve']) {
      await registerAndRead(api, event.id, {
        name: `${name} Jones`,
        email: `${name}@example.org`,
        role: 'parent_carer',
      });
    }
    const ids: Record<string, string> = Object.fromEntries(
      (await api.dataSource.query(`SELECT email, id FROM registrations WHERE event_id = $1`, [event.id])).map(
        (row: { email: string; id: string }) => [row.email.split('@')[0], row.id],
      ),
    );
    // Where a race leaves it: Cai's place given back and no one promoted into it; Eve not yet in line.
    await api.dataSource.query(`UPDATE registrations SET status = 'cancelled' WHERE id = $1`, [ids.cai]);
    await api.dataSource.query(`UPDATE registrations SET status = 'invited' WHERE id = $1`, [ids.eve]);
    await api.dataSource.query(`UPDATE events SET places_taken = 0 WHERE id = $1`, [event.id]);

    // The first check stops once it has locked the line, until Eve has joined and the second has run.
    const line = api.app.get(RegistrationsRepository);
    const longestWaiting = line.longestWaiting.bind(line);
    let carryOn!: () => void;
    const secondHasRun = new Promise<void>((resolve) => (carryOn = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const spy = jest.spyOn(line, 'longestWaiting').mockImplementationOnce(async (...args) => {
      const waiting = await longestWaiting(...args);
      firstLocked();
      await secondHasRun;
      return waiting;
    });
    try {
      const service = api.app.get(RegistrationsService);
      const first = service.promoteAfterCommit(event.id);
      await locked;
      await api.dataSource.query(`UPDATE registrations SET status = 'waitlisted' WHERE id = $1`, [ids.eve]);
      const second = service.promoteAfterCommit(event.id);
      // Long enough for the second to finish if nothing holds it back.
      await new Promise((resolve) => setTimeout(resolve, 500));
      carryOn();
      await Promise.all([first, second]);
    } finally {
      spy.mockRestore();
    }
    const rows: Array<{ email: string; status: string }> = await api.dataSource.query(
      `SELECT email, status FROM registrations WHERE event_id = $1 ORDER BY queue_position`,
      [event.id],
    );
    expect(rows.map((row) => row.status)).toEqual(['cancelled', 'confirmed', 'waitlisted']);
    const [{ places_taken }] = await api.dataSource.query(`SELECT places_taken FROM events WHERE id = $1`, [
      event.id,
    ]);
    expect(places_taken).toBe(1);
  });
});
