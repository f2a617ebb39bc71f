import { hashSecretToken, newSecretToken } from '@roundtable/platform';
import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  lettersFor,
  publishEvent,
  slot,
} from '../../../../test/support/fixtures';
import { registerAndRead } from '../../../../test/support/registered';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

interface Row {
  id: string;
  kind: string;
  registration_id: string;
  event_sequence: number;
  status: string;
  send_at: Date;
  payload: Record<string, unknown>;
}

/**
 * What an event change plans in the ledger, in its own transaction: read straight from the
 * tables. No worker runs here, so a row "sent" is one a test marks so, as the worker would (the
 * worker's own tests show it does).
 */
describe('event announcements (planning)', () => {
  let api: TestApi;
  let staff: string;
  let day = 10;

  beforeAll(async () => {
    api = await createTestApi('event-announcements', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  async function publishedEvent(capacity: number, overrides: Record<string, unknown> = {}) {
    const venue = await createVenue(api, staff, { capacity: 2000 });
    day += 3;
    const event = await createEvent(api, staff, {
      venueId: venue.id,
      capacity,
      ...slot(api, day),
      ...overrides,
    });
    await publishEvent(api, staff, event.id);
    return event as { id: string; startsAt: string; endsAt: string };
  }

  const register = async (eventId: string, n: number) => {
    const res = await registerAndRead(api, eventId, {
      name: `Parent ${lettersFor(n)}`,
      email: `parent.${n}.${eventId.slice(0, 6)}@example.org`,
      role: 'parent_carer',
    });
    expect(res.status).toBe(202);
    return res.body;
  };

  /** Someone invited by staff, with their invitation planned (pending) or already sent. */
  async function invite(eventId: string, tag: string, invitation: 'pending' | 'sent' | 'superseded') {
    const token = newSecretToken('rtm');
    const [registration] = await api.dataSource.query(
      `INSERT INTO registrations (event_id, email, name, status, manage_token_hash, invited_at)
       VALUES ($1, $2, $3, 'invited', $4, now()) RETURNING id`,
      [eventId, `invited.${tag}@example.org`, `Invited ${tag}`, hashSecretToken(token)],
    );
    await api.dataSource.query(
      `INSERT INTO notifications (kind, subject_type, subject_id, event_id, event_sequence, registration_id, recipient_email, send_at, status, idempotency_key, payload)
       VALUES ('invitation', 'event', $1, $1, 0, $2, $3, now(), $4, $5, $6)`,
      [
        eventId,
        registration.id,
        `invited.${tag}@example.org`,
        invitation,
        `invitation:${registration.id}:0`,
        {},
      ],
    );
    return { id: registration.id as string, manageToken: token };
  }

  /** As the worker does once a row is sent. */
  const markSent = (registrationId: string, kinds: string[]) =>
    api.dataSource.query(
      `UPDATE notifications SET status = 'sent'
       WHERE registration_id = $1 AND kind = ANY($2)`,
      [registrationId, kinds],
    );

  const rows = (eventId: string): Promise<Row[]> =>
    api.dataSource.query(
      `SELECT id, kind, registration_id, event_sequence, status, send_at, payload FROM notifications
       WHERE event_id = $1 ORDER BY created_at, kind`,
      [eventId],
    );

  const patch = (id: string, body: Record<string, unknown>) =>
    request(api.http).patch(`/api/v1/events/${id}`).set(bearer(staff)).send(body);
  const cancel = (id: string, body: Record<string, unknown>) =>
    request(api.http).post(`/api/v1/events/${id}/cancel`).set(bearer(staff)).send(body);

  const later = (iso: string, hours: number) =>
    new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();

  it('on a reschedule tells each person in the way that fits them, and moves the reminders', async () => {
    const event = await publishedEvent(2);
    const [ann, ben] = [await register(event.id, 1), await register(event.id, 2)];
    const waiting = await register(event.id, 3);
    const waitingUntold = await register(event.id, 4);
    expect([ann.status, ben.status, waiting.status, waitingUntold.status]).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    const invitedTold = await invite(event.id, `told-${event.id.slice(0, 4)}`, 'sent');
    const invitedUntold = await invite(event.id, `untold-${event.id.slice(0, 4)}`, 'pending');
    // The worker has sent the first messages of all but the untold.
    await markSent(ann.id, ['confirmation']);
    await markSent(ben.id, ['confirmation']);
    await markSent(waiting.id, ['waitlisted']);
    // Something staff arranged for Ann, not yet sent.
    await api.dataSource.query(
      `INSERT INTO notifications (kind, subject_type, subject_id, event_id, event_sequence, registration_id, recipient_email, send_at, idempotency_key, payload)
       SELECT 'access-arranged', 'event', $1, $1, 0, id, email, now(), 'access-arranged:' || id || ':0', $3
       FROM registrations WHERE id = $2`,
      [event.id, ann.id, { arranged: ['a BSL interpreter'] }],
    );
    const oldReminders = (await rows(event.id)).filter((row) => row.kind === 'reminder');
    expect(oldReminders).toHaveLength(6);

    const res = await patch(event.id, { startsAt: later(event.startsAt, 3), endsAt: later(event.endsAt, 3) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rescheduled: true, sequence: 1 });

    const after = await rows(event.id);
    const current = after.filter((row) => row.event_sequence === 1);
    const of = (id: string) =>
      current
        .filter((row) => row.registration_id === id)
        .map((row) => row.kind)
        .sort();
    expect(of(ann.id)).toEqual(['access-arranged', 'reminder', 'reminder', 'reminder', 'update']);
    expect(of(ben.id)).toEqual(['reminder', 'reminder', 'reminder', 'update']);
    expect(of(waiting.id)).toEqual(['update']);
    expect(of(waitingUntold.id)).toEqual(['waitlisted']);
    expect(of(invitedTold.id)).toEqual(['update']);
    expect(of(invitedUntold.id)).toEqual(['invitation']);
    expect(current.every((row) => row.status === 'pending')).toBe(true);

    // The old reminders will not go.
    const old = after.filter((row) => oldReminders.some((o) => o.id === row.id));
    expect(old.map((row) => row.status)).toEqual(Array(6).fill('superseded'));
    // No row holds a manage token: the worker derives every person's link when it sends.
    expect(after.every((row) => !('manageToken' in row.payload))).toBe(true);

    // The update says where it was before.
    const annUpdate = current.find((row) => row.registration_id === ann.id && row.kind === 'update')!;
    expect(annUpdate.payload).toMatchObject({
      previousStartsAt: new Date(event.startsAt).toISOString(),
      previousEndsAt: new Date(event.endsAt).toISOString(),
      previousVenueName: 'Halesowen Library',
    });
    const invitedUpdate = current.find((row) => row.registration_id === invitedTold.id)!;
    expect(invitedUpdate.payload).toMatchObject({ previousVenueName: 'Halesowen Library' });

    // New reminders at the new time.
    const annReminders = current.filter((row) => row.registration_id === ann.id && row.kind === 'reminder');
    const newStart = new Date(later(event.startsAt, 3)).getTime();
    expect(
      annReminders.map((row) => newStart - new Date(row.send_at).getTime()).sort((a, b) => a - b),
    ).toEqual([2 * 3_600_000, 86_400_000, 7 * 86_400_000]);

    // Re-planned rows keep what they carried.
    expect(current.find((row) => row.registration_id === invitedUntold.id)!.payload).toEqual({});
    expect(current.find((row) => row.kind === 'access-arranged')!.payload).toEqual({
      arranged: ['a BSL interpreter'],
    });
    expect(current.find((row) => row.registration_id === waitingUntold.id)!.payload).toEqual({ position: 2 });
  });

  it('tells nobody when only the title changes, and nothing when a draft moves', async () => {
    const event = await publishedEvent(5);
    await register(event.id, 1);
    const before = await rows(event.id);
    const res = await patch(event.id, { title: 'Waiting for an EHC plan: a new name' });
    expect(res.body).toMatchObject({ rescheduled: false, sequence: 0 });
    expect(await rows(event.id)).toEqual(before);

    const venue = await createVenue(api, staff, { capacity: 50 });
    const draft = await createEvent(api, staff, { venueId: venue.id, ...slot(api, 200) });
    const moved = await patch(draft.id, slot(api, 201));
    expect(moved.body).toMatchObject({ rescheduled: false, sequence: 0 });
    expect(await rows(draft.id)).toEqual([]);
  });

  it('leaves a pending alert to staff about late access needs in place when the event moves', async () => {
    const event = await publishedEvent(5);
    await register(event.id, 1);
    await api.dataSource.query(
      `INSERT INTO notifications (kind, subject_type, subject_id, event_id, event_sequence, registration_id, recipient_email, send_at, idempotency_key)
       VALUES ('access-tasks-late', 'event', $1, $1, 0, NULL, 'office@example.org', now(), $2)`,
      [event.id, `access-tasks-late:${event.id}:test`],
    );
    expect(
      (await patch(event.id, { startsAt: later(event.startsAt, 1), endsAt: later(event.endsAt, 1) })).status,
    ).toBe(200);
    const alerts = (await rows(event.id)).filter((row) => row.kind === 'access-tasks-late');
    expect(alerts).toEqual([expect.objectContaining({ status: 'pending', event_sequence: 0 })]);
    // The reminder of the old time, by contrast, is superseded.
    expect(
      (await rows(event.id)).filter((row) => row.kind === 'reminder' && row.event_sequence === 0),
    ).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'superseded' })]));
  });

  it('tells nobody invited whose invitation never went (withdrawn when they unsubscribed)', async () => {
    const event = await publishedEvent(5);
    const told = await invite(event.id, 'told', 'sent');
    const withdrawn = await invite(event.id, 'withdrawn', 'superseded');
    expect(
      (await patch(event.id, { startsAt: later(event.startsAt, 2), endsAt: later(event.endsAt, 2) })).status,
    ).toBe(200);
    const updates = (await rows(event.id)).filter((row) => row.kind === 'update');
    expect(updates.map((row) => row.registration_id)).toEqual([told.id]);

    expect((await cancel(event.id, { reason: 'The hall flooded.' })).status).toBe(200);
    const cancellations = (await rows(event.id)).filter((row) => row.kind === 'cancellation');
    expect(cancellations.map((row) => row.registration_id)).toEqual([told.id]);
    expect(
      (await rows(event.id)).some((row) => row.registration_id === withdrawn.id && row.status === 'pending'),
    ).toBe(false);
  });

  it('gives new places from a larger capacity to the people waiting, in order, and tells them', async () => {
    const event = await publishedEvent(1);
    const first = await register(event.id, 1);
    const [second, third, fourth] = [
      await register(event.id, 2),
      await register(event.id, 3),
      await register(event.id, 4),
    ];
    expect([first.status, second.status, third.status, fourth.status]).toEqual([
      'confirmed',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    const res = await patch(event.id, { capacity: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rescheduled: false, capacity: 3 });
    const [{ places_taken }] = await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [
      event.id,
    ]);
    expect(places_taken).toBe(3);
    const statuses: Array<{ id: string; status: string }> = await api.dataSource.query(
      'SELECT id, status FROM registrations WHERE event_id = $1',
      [event.id],
    );
    const statusOf = (id: string) => statuses.find((row) => row.id === id)?.status;
    expect([second, third, fourth].map((person) => statusOf(person.id))).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    const promoted = (await rows(event.id)).filter((row) => row.kind === 'promoted');
    expect(promoted.map((row) => row.registration_id).sort()).toEqual([second.id, third.id].sort());
    // No promoted row carries a token: the worker derives each person's link when it sends.
    expect(promoted.every((row) => !('manageToken' in row.payload))).toBe(true);
  });

  it('changing only the reminder offsets drops the reminders gone and plans the new ones', async () => {
    const event = await publishedEvent(5);
    await register(event.id, 1);
    const before = (await rows(event.id)).filter((row) => row.kind === 'reminder');
    const p1d = before.find((row) => row.payload.offset === 'P1D')!;

    const res = await patch(event.id, { reminderOffsets: ['P1D', 'PT1H'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rescheduled: false, sequence: 0 });

    const reminders = (await rows(event.id)).filter((row) => row.kind === 'reminder');
    const byOffset = Object.fromEntries(reminders.map((row) => [row.payload.offset, row]));
    expect(byOffset.P7D.status).toBe('superseded');
    expect(byOffset.PT2H.status).toBe('superseded');
    expect(byOffset.P1D).toMatchObject({ id: p1d.id, status: 'pending' });
    expect(byOffset.PT1H).toMatchObject({ status: 'pending', event_sequence: 0 });
    expect(byOffset.PT1H.payload).toEqual({ offset: 'PT1H' });
  });

  it('on a cancel tells everyone who heard of it, and closes the access tasks', async () => {
    const event = await publishedEvent(1);
    const ann = await register(event.id, 1);
    const waiting = await register(event.id, 2);
    const invitedTold = await invite(event.id, `c-told-${event.id.slice(0, 4)}`, 'sent');
    const invitedUntold = await invite(event.id, `c-untold-${event.id.slice(0, 4)}`, 'pending');
    await api.dataSource.query(
      `INSERT INTO access_tasks (event_id, registration_id, need, due_at, status) VALUES ($1, $2, 'bsl_interpreter', now(), 'open')`,
      [event.id, ann.id],
    );

    const res = await cancel(event.id, { reason: 'The library has flooded.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', sequence: 1 });

    const after = await rows(event.id);
    expect(after.filter((row) => row.event_sequence === 0).every((row) => row.status !== 'pending')).toBe(
      true,
    );
    const cancellations = after.filter((row) => row.kind === 'cancellation');
    expect(cancellations.map((row) => row.registration_id).sort()).toEqual(
      [ann.id, waiting.id, invitedTold.id].sort(),
    );
    expect(cancellations.every((row) => row.event_sequence === 1 && row.status === 'pending')).toBe(true);
    expect(cancellations[0].payload).toEqual({ reason: 'The library has flooded.' });
    expect(after.some((row) => row.registration_id === invitedUntold.id && row.status === 'pending')).toBe(
      false,
    );
    const [task] = await api.dataSource.query('SELECT status FROM access_tasks WHERE event_id = $1', [
      event.id,
    ]);
    expect(task.status).toBe('cancelled');
  });

  it('cancelling a draft tells nobody', async () => {
    const venue = await createVenue(api, staff, { capacity: 50 });
    const draft = await createEvent(api, staff, { venueId: venue.id, ...slot(api, 210) });
    const res = await cancel(draft.id, { reason: 'Not needed after all.' });
    expect(res.body).toMatchObject({ status: 'cancelled', sequence: 0 });
    expect(await rows(draft.id)).toEqual([]);
  });

  it('reschedules an event with a thousand people in one go', async () => {
    const event = await publishedEvent(1500);
    // Written in bulk: a thousand confirmed people, each with a sent confirmation and pending reminders.
    await api.dataSource.query(
      `WITH people AS (
         INSERT INTO registrations (event_id, email, name, status, manage_token_hash, confirmed_at)
         SELECT $1::uuid, 'bulk.' || n || '@example.org', 'Bulk ' || n, 'confirmed', md5(random()::text || n), now()
         FROM generate_series(1, 1000) AS n RETURNING id, email)
       INSERT INTO notifications (kind, subject_type, subject_id, event_id, event_sequence, registration_id, recipient_email, send_at, idempotency_key, payload)
       SELECT 'reminder', 'event', $1::uuid, $1::uuid, 0, id, email, $2::timestamptz - interval '1 day', 'reminder:' || id || ':0:P1D',
              jsonb_build_object('offset', 'P1D')
       FROM people`,
      [event.id, event.startsAt],
    );
    await api.dataSource.query('UPDATE events SET places_taken = 1000 WHERE id = $1', [event.id]);

    const res = await patch(event.id, { startsAt: later(event.startsAt, 1), endsAt: later(event.endsAt, 1) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rescheduled: true, sequence: 1 });

    const counts = await api.dataSource.query(
      `SELECT kind, status, event_sequence, count(*)::int AS n,
              count(*) FILTER (WHERE payload ? 'manageToken')::int AS with_token
       FROM notifications WHERE event_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [event.id],
    );
    expect(counts).toEqual([
      { kind: 'reminder', status: 'pending', event_sequence: 1, n: 3000, with_token: 0 },
      { kind: 'reminder', status: 'superseded', event_sequence: 0, n: 1000, with_token: 0 },
      { kind: 'update', status: 'pending', event_sequence: 1, n: 1000, with_token: 0 },
    ]);
  });

  it('a personal cancel plans registration-cancelled; accepting again raises the calendar revision again', async () => {
    const event = await publishedEvent(5);
    const ann = await register(event.id, 1);
    const revision = async () =>
      (await api.dataSource.query('SELECT calendar_revision FROM registrations WHERE id = $1', [ann.id]))[0]
        .calendar_revision;

    expect((await request(api.http).delete(`/api/v1/public/registrations/${ann.manageToken}`)).status).toBe(
      200,
    );
    expect(await revision()).toBe(1);
    const cancelled = (await rows(event.id)).filter((row) => row.kind === 'registration-cancelled');
    expect(cancelled).toEqual([
      expect.objectContaining({ registration_id: ann.id, status: 'pending', payload: {} }),
    ]);
    // Cancelling twice tells them once.
    expect((await request(api.http).delete(`/api/v1/public/registrations/${ann.manageToken}`)).status).toBe(
      200,
    );
    expect((await rows(event.id)).filter((row) => row.kind === 'registration-cancelled')).toHaveLength(1);

    const back = await request(api.http)
      .patch(`/api/v1/public/registrations/${ann.manageToken}`)
      .send({ response: 'accept' });
    expect(back.body).toMatchObject({ status: 'confirmed' });
    expect(await revision()).toBe(2);
    // A second confirmation at the same event sequence is written (its key holds the revision);
    // none of the rows carries a token (the worker derives the link).
    const pending = (await rows(event.id)).filter((row) => row.status === 'pending');
    expect(pending.map((row) => row.kind).sort()).toEqual([
      'confirmation',
      'registration-cancelled',
      'reminder',
      'reminder',
      'reminder',
    ]);
    expect(
      pending
        .filter((row) => row.kind !== 'registration-cancelled')
        .every((row) => !('manageToken' in row.payload)),
    ).toBe(true);
  });

  describe('bad input writes nothing', () => {
    it('refuses unknown fields, bad offsets and an empty reason with a message', async () => {
      const event = await publishedEvent(5);
      await register(event.id, 1);
      const notifications = await countRows(api, 'notifications');

      expect(
        expectError(await patch(event.id, { startsAt: later(event.startsAt, 1), colour: 'red' }), 400),
      ).toMatch(/colour/);
      expect(
        expectError(
          await patch(event.id, {
            startsAt: later(event.startsAt, 1),
            endsAt: later(event.endsAt, 1),
            reminderOffsets: ['soon'],
          }),
          400,
        ),
      ).toMatch(/reminderOffsets/);
      expect(expectError(await patch(event.id, { startsAt: later(event.startsAt, 5) }), 400)).toMatch(
        /endsAt/,
      );
      expect(expectError(await cancel(event.id, {}), 400)).toMatch(/reason/);
      expect(expectError(await cancel(event.id, { reason: 'x', notify: false }), 400)).toMatch(/notify/);
      expect(expectError(await patch('not-an-id', { title: 'x' }), 404)).toMatch(/event/);

      expect(await countRows(api, 'notifications')).toBe(notifications);
      const [row] = await api.dataSource.query('SELECT sequence, status FROM events WHERE id = $1', [
        event.id,
      ]);
      expect(row).toEqual({ sequence: 0, status: 'published' });
    });

    it('refuses to change or cancel a cancelled event, and plans nothing more', async () => {
      const event = await publishedEvent(5);
      await register(event.id, 1);
      expect((await cancel(event.id, { reason: 'Flooded.' })).status).toBe(200);
      const notifications = await countRows(api, 'notifications');
      expect(expectError(await cancel(event.id, { reason: 'Again.' }), 409)).toMatch(/already cancelled/);
      expect(expectError(await patch(event.id, slot(api, 300)), 409)).toMatch(/cancelled/);
      expect(await countRows(api, 'notifications')).toBe(notifications);
    });
  });
});
