import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  bearer,
  createEvent,
  createVenue,
  expectError,
  lettersFor,
  publishEvent,
  slot,
  withClockAt,
} from '../../../../test/support/fixtures';
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { registerAndRead } from '../../../../test/support/registered';

/**
 * Staff check people in on the day: all or none, people with a place only, and a mistaken
 * check-in can be undone.
 */
describe('attendance', () => {
  let api: TestApi;
  let staff: string;
  let day = 20;

  beforeAll(async () => {
    api = await createTestApi('attendance', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  /** A published event with `capacity` places, `people` registered in order (the rest waitlisted). */
  async function eventWith(capacity: number, people: number) {
    const venue = await createVenue(api, staff, { capacity: 100 });
    const times = slot(api, day++, 18);
    const event = await createEvent(api, staff, { venueId: venue.id, capacity, ...times });
    await publishEvent(api, staff, event.id);
    const registered: Array<{ id: string; status: string; manageToken: string }> = [];
    for (let n = 0; n < people; n += 1) {
      const res = await registerAndRead(api, event.id, {
        name: `Carer ${lettersFor(n)}`,
        email: `carer.${day}.${n}@example.org`,
        role: 'parent_carer',
      });
      expect(res.status).toBe(202);
      registered.push(res.body);
    }
    // 9am UK time on the day (GMT in these tests' January).
    const morning = new Date(times.startsAt);
    morning.setUTCHours(9, 0, 0, 0);
    return { event, registered, morning, startsAt: new Date(times.startsAt) };
  }

  const mark = (token: string, eventId: string, body: unknown) =>
    request(api.http)
      .post(`/api/v1/events/${eventId}/attendance`)
      .set(bearer(token))
      .send(body as object);
  const undo = (token: string, eventId: string, registrationId: string) =>
    request(api.http).delete(`/api/v1/events/${eventId}/attendance/${registrationId}`).set(bearer(token));

  const statuses = async (eventId: string) =>
    api.dataSource.query(
      'SELECT id, status, attended_at FROM registrations WHERE event_id = $1 ORDER BY queue_position',
      [eventId],
    );

  it('marks people with a place attended on the day, once, and counts them', async () => {
    const { event, registered, morning } = await eventWith(3, 3);
    const [first, second, third] = registered;
    await withClockAt(api, morning, async (token) => {
      const res = await mark(token, event.id, { registrationIds: [first.id, first.id] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ marked: 1, alreadyAttended: 0, attended: 1, notYetAttended: 2 });
      const again = await mark(token, event.id, { registrationIds: [first.id, second.id] });
      expect(again.body).toEqual({ marked: 1, alreadyAttended: 1, attended: 2, notYetAttended: 1 });
    });
    const rows = await statuses(event.id);
    expect(rows.map((row: { status: string }) => row.status)).toEqual(['attended', 'attended', 'confirmed']);
    expect(rows[0].attended_at.toISOString()).toBe(morning.toISOString());
    expect(rows[2]).toMatchObject({ id: third.id, attended_at: null });
  });

  it('undoes a mistaken check-in, and undoing twice is harmless', async () => {
    const { event, registered, morning } = await eventWith(2, 3);
    const [first, , waiting] = registered;
    expect(waiting.status).toBe('waitlisted');
    await withClockAt(api, morning, async (token) => {
      await mark(token, event.id, { registrationIds: [first.id] }).expect(200);
      const res = await undo(token, event.id, first.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ undone: 1, attended: 0, notYetAttended: 2 });
      expect((await undo(token, event.id, first.id)).body).toEqual({
        undone: 0,
        attended: 0,
        notYetAttended: 2,
      });
      expect(expectError(await undo(token, event.id, waiting.id), 409)).toMatch(/waitlisted, not attended/);
      expect(expectError(await undo(token, event.id, randomUUID()), 404)).toMatch(/no registration/);
      expect((await undo(token, event.id, 'not-a-uuid')).status).toBe(404);
    });
    expect((await statuses(event.id))[0]).toMatchObject({ status: 'confirmed', attended_at: null });
  });

  it('refuses bad input with a 400 that names what is wrong, and writes nothing', async () => {
    const { event, registered, morning } = await eventWith(2, 4);
    // Cancelling the second promotes the third; the fourth is still waiting.
    const [first, second, , waiting] = registered;
    const other = await eventWith(5, 1);
    await request(api.http).delete(`/api/v1/public/registrations/${second.manageToken}`).expect(200);
    const before = await statuses(event.id);
    const unknown = randomUUID();
    await withClockAt(api, morning, async (token) => {
      const cases: Array<[unknown, RegExp]> = [
        [{ registrationIds: [] }, /at least one registration/],
        [{}, /registrationIds must be a list/],
        [{ registrationIds: 'everyone' }, /registrationIds must be a list/],
        [{ registrationIds: ['not-an-id'] }, /registration id \(a UUID\)/],
        [{ registrationIds: [first.id], extra: 1 }, /extra is not a field we accept/],
        [
          { registrationIds: [first.id, unknown] },
          new RegExp(`not registrations for this event: ${unknown}`),
        ],
        [{ registrationIds: [first.id, other.registered[0].id] }, new RegExp(other.registered[0].id)],
        [{ registrationIds: [first.id, waiting.id] }, new RegExp(`${waiting.id} is waitlisted`)],
        [{ registrationIds: [second.id, first.id] }, new RegExp(`${second.id} is cancelled`)],
      ];
      for (const [body, message] of cases) {
        expect(expectError(await mark(token, event.id, body), 400)).toMatch(message);
      }
    });
    expect(await statuses(event.id)).toEqual(before);
  });

  it('is for the day of a published event: not before, not for drafts or cancelled events', async () => {
    const { event, registered, startsAt } = await eventWith(2, 1);
    const ids = { registrationIds: [registered[0].id] };
    const message = expectError(await mark(staff, event.id, ids), 409);
    expect(message).toMatch(/from the day of the event/);
    // One minute before midnight, UK time, on the eve of the event: still too early.
    const eve = new Date(startsAt);
    eve.setUTCHours(0, 0, 0, 0);
    await withClockAt(api, new Date(eve.getTime() - 60_000), async (token) => {
      expectError(await mark(token, event.id, ids), 409);
    });
    // Afterwards, staff can still record who came.
    await withClockAt(api, new Date(startsAt.getTime() + 3 * 86_400_000), async (token) => {
      expect((await mark(token, event.id, ids)).status).toBe(200);
    });

    const draft = await createEvent(api, staff, { ...slot(api, day++) });
    expect(expectError(await mark(staff, draft.id, ids), 409)).toMatch(/draft/);
    await request(api.http)
      .post(`/api/v1/events/${event.id}/cancel`)
      .set(bearer(staff))
      .send({ reason: 'The hall flooded' })
      .expect(200);
    expect(expectError(await mark(staff, event.id, ids), 409)).toMatch(/cancelled/);
  });

  it('is for staff only: 401 without a token, 403 for a partner, 404 for an unknown event', async () => {
    const { event, registered, morning } = await eventWith(2, 1);
    const ids = { registrationIds: [registered[0].id] };
    expectError(await request(api.http).post(`/api/v1/events/${event.id}/attendance`).send(ids), 401);
    expectError(
      await request(api.http).delete(`/api/v1/events/${event.id}/attendance/${registered[0].id}`),
      401,
    );
    expectError(await mark(await partnerToken(api), event.id, ids), 403);
    await withClockAt(api, morning, async (token) => {
      expect(expectError(await mark(token, randomUUID(), ids), 404)).toMatch(/no event/);
      expectError(await mark(token, 'not-a-uuid', ids), 404);
    });
    expect((await statuses(event.id))[0].status).toBe('confirmed');
  });
});
