import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  lettersFor,
  publishEvent,
} from '../../../../test/support/fixtures';
import { registerAndRead, registrationOf } from '../../../../test/support/registered';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const person = (n: number, overrides: Record<string, unknown> = {}) => ({
  name: `Parent ${lettersFor(n)}`,
  email: `Parent.${n}@Example.org`,
  role: 'parent_carer',
  ...overrides,
});

describe('registrations', () => {
  let api: TestApi;
  let staff: string;

  beforeAll(async () => {
    // Two hundred people register from one address in these tests.
    api = await createTestApi('registrations', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  // Each event gets a day of its own, the same on every run, so a failure can be replayed.
  let eventsMade = 0;
  async function publishedEvent(capacity: number, venueOverrides: Record<string, unknown> = {}) {
    const venue = await createVenue(api, staff, { capacity: 500, ...venueOverrides });
    const day = 20 + 7 * eventsMade++;
    const start = new Date(api.clock.now().getTime() + day * 86_400_000);
    const event = await createEvent(api, staff, {
      venueId: venue.id,
      capacity,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    await publishEvent(api, staff, event.id);
    return event;
  }

  // The reply says nothing personal: the registration is read back (and its link derived).
  const register = (eventId: string, body: Record<string, unknown>) => registerAndRead(api, eventId, body);

  it('confirms 50 of 200 concurrent registrations and waitlists the other 150 in order', async () => {
    const event = await publishedEvent(50);
    const responses = await Promise.all(Array.from({ length: 200 }, (_, n) => register(event.id, person(n))));
    expect(responses.map((res) => res.status).filter((status) => status !== 202)).toEqual([]);
    const statuses = responses.map((res) => res.body.status);
    expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(50);
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(150);

    const [row] = await api.dataSource.query('SELECT places_taken, capacity FROM events WHERE id = $1', [
      event.id,
    ]);
    expect(row).toEqual({ places_taken: 50, capacity: 50 });
    const waitlist = await api.dataSource.query(
      "SELECT queue_position FROM registrations WHERE event_id = $1 AND status = 'waitlisted' ORDER BY queue_position",
      [event.id],
    );
    expect(new Set(waitlist.map((r: { queue_position: string }) => r.queue_position)).size).toBe(150);

    // Every confirmed person has a confirmation and three reminders planned; each waitlisted one a notice.
    const kinds = await api.dataSource.query(
      'SELECT kind, count(*)::int AS n FROM notifications WHERE event_id = $1 GROUP BY kind ORDER BY kind',
      [event.id],
    );
    expect(kinds).toEqual([
      { kind: 'confirmation', n: 50 },
      { kind: 'reminder', n: 150 },
      { kind: 'waitlisted', n: 150 },
    ]);
  });

  it('promotes the longest-waiting person when a place frees, and tells them', async () => {
    const event = await publishedEvent(2);
    const first = await register(event.id, person(1));
    await register(event.id, person(2));
    const waiting = [];
    for (const n of [3, 4, 5]) waiting.push((await register(event.id, person(n))).body);
    expect(waiting.map((w) => w.status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);

    const position = await request(api.http).get(`/api/v1/public/registrations/${waiting[1].manageToken}`);
    expect(position.body.waitlistPosition).toBe(2);

    const cancelled = await request(api.http).delete(
      `/api/v1/public/registrations/${first.body.manageToken}`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    const promoted = await request(api.http).get(`/api/v1/public/registrations/${waiting[0].manageToken}`);
    expect(promoted.body.status).toBe('confirmed');
    const still = await request(api.http).get(`/api/v1/public/registrations/${waiting[1].manageToken}`);
    expect(still.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const ledger = await request(api.http)
      .get(`/api/v1/events/${event.id}/notifications?limit=200`)
      .set(bearer(staff));
    expect(ledger.status).toBe(200);
    const promotedRows = ledger.body.items.filter((row: { kind: string }) => row.kind === 'promoted');
    expect(promotedRows).toEqual([
      expect.objectContaining({ recipient: 'parent.3@example.org', status: 'pending' }),
    ]);
    // The cancelled person's reminders will not be sent.
    const firstRows = ledger.body.items.filter(
      (row: { recipient: string; kind: string }) =>
        row.recipient === 'parent.1@example.org' && row.kind === 'reminder',
    );
    expect(firstRows.every((row: { status: string }) => row.status === 'superseded')).toBe(true);
  });

  it('answers a second registration for an address exactly as the first, changes nothing, and emails the address its link', async () => {
    const event = await publishedEvent(10);
    const owner = person(7, { accessNeeds: ['quiet_room'] });
    const first = await register(event.id, owner);
    expect(first.status).toBe(202);
    const ownLink = await registrationOf(api, event.id, owner.email);
    const [before] = await api.dataSource.query('SELECT * FROM registrations WHERE id = $1', [ownLink.id]);

    // A stranger types the same address, with another name and other needs.
    const stranger = await request(api.http)
      .post(`/api/v1/public/events/${event.id}/registrations`)
      .send(
        person(7, { name: 'Someone Else', accessNeeds: ['childcare'], accessNotes: 'Pay at evil.example' }),
      );
    expect(stranger.status).toBe(first.status);
    expect(stranger.body).toEqual(first.reply);
    expect(Object.keys(stranger.body).sort()).toEqual(['message', 'status']);
    expect(JSON.stringify(stranger.body)).not.toMatch(/rtm_|[0-9a-f]{8}-[0-9a-f]{4}-/);

    // Nothing about the row changed: not the name, needs, status, nor the key.
    const [after] = await api.dataSource.query('SELECT * FROM registrations WHERE id = $1', [ownLink.id]);
    expect(after).toEqual(before);
    const own = await request(api.http).get(`/api/v1/public/registrations/${ownLink.manageToken}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      name: `Parent ${lettersFor(7)}`,
      accessNeeds: ['quiet_room'],
      status: 'confirmed',
    });

    // The address, not the caller, is sent its own link.
    const links = await api.dataSource.query(
      "SELECT recipient_email, payload FROM notifications WHERE event_id = $1 AND kind = 'manage-link'",
      [event.id],
    );
    expect(links).toEqual([{ recipient_email: 'parent.7@example.org', payload: {} }]);
    // The reply is the same for a new address (apart from the address itself).
    const fresh = await register(event.id, person(70));
    expect(fresh.status).toBe(202);
    expect(Object.keys(fresh.reply).sort()).toEqual(['message', 'status']);
    expect(String(fresh.reply.message).replace('Parent.70', 'Parent.7')).toBe(first.reply.message);
  });

  it('turns needs the venue cannot meet into staff tasks, and confirms the ones it can', async () => {
    const event = await publishedEvent(10, { accessFeatures: ['step_free_access'] });
    const res = await register(
      event.id,
      person(8, { accessNeeds: ['step_free', 'bsl_interpreter', 'childcare'] }),
    );
    expect(res.status).toBe(202);
    const tasks = await api.dataSource.query(
      'SELECT need, status FROM access_tasks WHERE event_id = $1 ORDER BY need',
      [event.id],
    );
    expect(tasks).toEqual([
      { need: 'bsl_interpreter', status: 'open' },
      { need: 'childcare', status: 'open' },
    ]);
    const changed = await request(api.http)
      .patch(`/api/v1/public/registrations/${res.body.manageToken}`)
      .send({ accessNeeds: ['bsl_interpreter'] });
    expect(changed.status).toBe(200);
    const after = await api.dataSource.query(
      'SELECT need, status FROM access_tasks WHERE event_id = $1 ORDER BY need',
      [event.id],
    );
    expect(after).toEqual([
      { need: 'bsl_interpreter', status: 'open' },
      { need: 'childcare', status: 'cancelled' },
    ]);
  });

  it('lets staff see registrations with counts; others are refused', async () => {
    const event = await publishedEvent(1);
    await register(event.id, person(10, { accessNeeds: ['quiet_room'] }));
    await register(event.id, person(11));
    const res = await request(api.http).get(`/api/v1/events/${event.id}/registrations`).set(bearer(staff));
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ confirmed: 1, waitlisted: 1 });
    expect(res.body.items[0]).toMatchObject({
      status: 'confirmed',
      accessNeeds: ['quiet_room'],
      email: 'parent.10@example.org',
    });
    expect((await request(api.http).get(`/api/v1/events/${event.id}/registrations`)).status).toBe(401);
    expect((await request(api.http).get(`/api/v1/events/${event.id}/notifications`)).status).toBe(401);
  });

  it('answers bad input with a 4xx that says what to fix, and writes nothing', async () => {
    const event = await publishedEvent(5);
    const before = await countRows(api, 'registrations');
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{}, /name must be text/],
      [person(20, { email: 'not-an-email' }), /email must be an email address/],
      [person(21, { role: 'wizard' }), /role must be one of/],
      [person(22, { accessNeeds: ['jetpack'] }), /each of accessNeeds must be one of/],
      [person(23, { admin: true }), /admin is not a field we accept/],
    ];
    for (const [body, message] of bad) {
      const res = await register(event.id, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    expect((await register('not-a-uuid', person(24))).status).toBe(404);
    expect((await register('6f1c2b9e-4a4d-4c36-9a5e-2f3d1a0b9c8d', person(25))).status).toBe(404);
    expect((await request(api.http).get('/api/v1/public/registrations/rtm_short')).status).toBe(404);
    expect(
      (await request(api.http).delete(`/api/v1/public/registrations/rtm_${'x'.repeat(43)}`)).status,
    ).toBe(404);
    expect(await countRows(api, 'registrations')).toBe(before);
  });

  it('does not take registrations for drafts, cancelled or started events', async () => {
    const draft = await createEvent(api, staff, {});
    expect((await register(draft.id, person(30))).status).toBe(404);
    const event = await publishedEvent(5);
    await request(api.http)
      .post(`/api/v1/events/${event.id}/cancel`)
      .set(bearer(staff))
      .send({ reason: 'Venue closed' });
    const res = await register(event.id, person(31));
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/cancelled/);
  });

  it('refuses to lower an event below the places already taken', async () => {
    const event = await publishedEvent(3);
    await register(event.id, person(40));
    await register(event.id, person(41));
    const res = await request(api.http)
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(staff))
      .send({ capacity: 1 });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/2 places already taken/);
  });
});
