import { RegistrationsService } from '@roundtable/registrations';
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
});
