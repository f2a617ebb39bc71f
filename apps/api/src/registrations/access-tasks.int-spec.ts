import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
  slot,
  withClockAt,
} from '../../../../test/support/fixtures';
import { AccessTasksService } from '@roundtable/registrations';
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { registerAndRead } from '../../../../test/support/registered';

/** Staff see what people need, arrange it, and the attendee is told (one email, however often clicked). */
const DAY = 86_400_000;

describe('access tasks', () => {
  let api: TestApi;
  let staff: string;
  let day = 30;

  beforeAll(async () => {
    api = await createTestApi('access-tasks', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  /** A published event 30+ days ahead at a step-free venue, and one person with three needs. */
  async function personWithNeeds(needs = ['step_free', 'bsl_interpreter', 'childcare']) {
    const venue = await createVenue(api, staff, { accessFeatures: ['step_free_access'] });
    const times = slot(api, day++);
    const event = await createEvent(api, staff, { venueId: venue.id, ...times });
    await publishEvent(api, staff, event.id);
    const res = await registerAndRead(api, event.id, {
      name: 'Jo Carer',
      email: `jo.${day}@example.org`,
      role: 'parent_carer',
      accessNeeds: needs,
    });
    expect(res.status).toBe(202);
    const list = await request(api.http).get(`/api/v1/events/${event.id}/access-tasks`).set(bearer(staff));
    expect(list.status).toBe(200);
    return {
      event,
      startsAt: new Date(times.startsAt),
      registration: res.body as { id: string; manageToken: string },
      tasks: list.body.items as Array<{ id: string; need: string; dueAt: string }>,
    };
  }

  const arrange = (token: string, taskId: string, body: object = {}) =>
    request(api.http).post(`/api/v1/access-tasks/${taskId}/arrange`).set(bearer(token)).send(body);

  const arrangedRows = (registrationId: string) =>
    api.dataSource.query(
      "SELECT payload, idempotency_key, recipient_email FROM notifications WHERE registration_id = $1 AND kind = 'access-arranged'",
      [registrationId],
    );

  it('lists the needs the venue does not meet, with name, label, due date and lateness', async () => {
    const { event, registration, tasks, startsAt } = await personWithNeeds();
    const due = new Date(startsAt.getTime() - 14 * 86_400_000).toISOString();
    expect(tasks).toEqual([
      expect.objectContaining({
        eventId: event.id,
        registrationId: registration.id,
        attendeeName: 'Jo Carer',
        need: 'bsl_interpreter',
        needLabel: 'A British Sign Language (BSL) interpreter',
        status: 'open',
        dueAt: due,
        late: false,
        arrangedAt: null,
        note: null,
      }),
      expect.objectContaining({ need: 'childcare', needLabel: 'Childcare', late: false }),
    ]);
    // A day after the due date, both are late, and counted.
    await withClockAt(api, new Date(Date.parse(due) + 86_400_000), async (token) => {
      const later = await request(api.http).get(`/api/v1/events/${event.id}/access-tasks`).set(bearer(token));
      expect(later.body.late).toBe(2);
      expect(later.body.items.map((task: { late: boolean }) => task.late)).toEqual([true, true]);
    });
  });

  it('arranges a need, plans exactly one email to the attendee with the phrase, note and manage link, however often clicked', async () => {
    const { registration, tasks } = await personWithNeeds();
    const bsl = tasks.find((task) => task.need === 'bsl_interpreter')!;
    const note = 'Sam, your interpreter, will meet you at the door.';
    // A double click: two requests at once.
    const [first, second] = await Promise.all([
      arrange(staff, bsl.id, { note }),
      arrange(staff, bsl.id, { note }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.changed, second.body.changed].sort()).toEqual([false, true]);
    expect(first.body).toMatchObject({
      id: bsl.id,
      status: 'arranged',
      note,
      arrangedAt: api.clock.now().toISOString(),
      late: false,
    });
    // Again later, with another note: nothing changes and nothing more is sent.
    const again = await arrange(staff, bsl.id, { note: 'Something else' });
    expect(again.body).toMatchObject({ changed: false, note });

    const rows = await arrangedRows(registration.id);
    expect(rows).toEqual([
      {
        payload: {
          arranged: ['a British Sign Language (BSL) interpreter'],
          note,
        },
        idempotency_key: expect.stringContaining(bsl.id),
        recipient_email: `jo.${day}@example.org`,
      },
    ]);
  });

  it('refuses to arrange a cancelled need (409), and bad input (4xx), writing nothing', async () => {
    const { registration, tasks } = await personWithNeeds();
    const [bsl, childcare] = tasks;
    // The person no longer needs childcare: its task is cancelled.
    await request(api.http)
      .patch(`/api/v1/public/registrations/${registration.manageToken}`)
      .send({ accessNeeds: ['bsl_interpreter'] })
      .expect(200);
    const before = await countRows(api, 'notifications');
    expect(expectError(await arrange(staff, childcare.id), 409)).toMatch(/cancelled/);
    expect(expectError(await arrange(staff, bsl.id, { note: 42 }), 400)).toMatch(/note must be text/);
    expect(expectError(await arrange(staff, bsl.id, { note: 'x'.repeat(1001) }), 400)).toMatch(
      /at most 1000/,
    );
    expect(expectError(await arrange(staff, bsl.id, { status: 'arranged' }), 400)).toMatch(
      /status is not a field we accept/,
    );
    expect(expectError(await arrange(staff, randomUUID()), 404)).toMatch(/no access task/);
    expectError(await arrange(staff, 'not-a-uuid'), 404);
    expect(await countRows(api, 'notifications')).toBe(before);
    const [row] = await api.dataSource.query('SELECT status FROM access_tasks WHERE id = $1', [bsl.id]);
    expect(row.status).toBe('open');
  });

  it('refuses to arrange anything for a cancelled event', async () => {
    const { event, tasks } = await personWithNeeds(['childcare']);
    await request(api.http)
      .post(`/api/v1/events/${event.id}/cancel`)
      .set(bearer(staff))
      .send({ reason: 'The hall flooded' })
      .expect(200);
    expect(expectError(await arrange(staff, tasks[0].id), 409)).toMatch(/event has been cancelled/);
  });

  const manage = (token: string, accessNeeds: string[]) =>
    request(api.http).patch(`/api/v1/public/registrations/${token}`).send({ accessNeeds }).expect(200);

  const taskRows = (registrationId: string) =>
    api.dataSource.query(
      `SELECT need, status, due_at, arranged_at, note, late_alerted_at
         FROM access_tasks WHERE registration_id = $1 ORDER BY need`,
      [registrationId],
    ) as Promise<
      Array<{
        need: string;
        status: string;
        due_at: Date;
        arranged_at: Date | null;
        note: string | null;
        late_alerted_at: Date | null;
      }>
    >;

  it('keeps what staff arranged when the person changes their needs, even a need removed and asked for again', async () => {
    const { registration, tasks } = await personWithNeeds();
    const bsl = tasks.find((task) => task.need === 'bsl_interpreter')!;
    const note = 'Sam will interpret.';
    await arrange(staff, bsl.id, { note }).expect(200);

    // Another need added: the arranged one is untouched, the new one is open.
    await manage(registration.manageToken, ['step_free', 'bsl_interpreter', 'childcare', 'quiet_room']);
    let rows = await taskRows(registration.id);
    expect(rows.map(({ need, status }) => [need, status])).toEqual([
      ['bsl_interpreter', 'arranged'],
      ['childcare', 'open'],
      ['quiet_room', 'open'],
    ]);
    expect(rows[0]).toMatchObject({ note, arranged_at: api.clock.now() });

    // Both withdrawn: the open one is cancelled, the arranged one stays on record as arranged.
    await manage(registration.manageToken, ['quiet_room']);
    rows = await taskRows(registration.id);
    expect(rows.map(({ need, status }) => [need, status])).toEqual([
      ['bsl_interpreter', 'arranged'],
      ['childcare', 'cancelled'],
      ['quiet_room', 'open'],
    ]);

    // Asked for again: still arranged with its note; the withdrawn one is open again, due as new.
    await manage(registration.manageToken, ['bsl_interpreter', 'childcare', 'quiet_room']);
    rows = await taskRows(registration.id);
    expect(rows.map(({ need, status }) => [need, status])).toEqual([
      ['bsl_interpreter', 'arranged'],
      ['childcare', 'open'],
      ['quiet_room', 'open'],
    ]);
    expect(rows[0]).toMatchObject({ note, arranged_at: api.clock.now() });
    expect(rows[1]).toMatchObject({ arranged_at: null, note: null, late_alerted_at: null });
    // Nothing more was sent to the attendee for the arranged need.
    expect(await arrangedRows(registration.id)).toHaveLength(1);
  });

  it("moves open tasks' due dates with the event, by the same rule, and alerts staff by the new dates", async () => {
    const { event, registration, tasks, startsAt } = await personWithNeeds();
    const [bsl, childcare] = tasks;
    await arrange(staff, bsl.id).expect(200);
    const alerts = api.app.get(AccessTasksService);
    const lateAlerts = () =>
      api.dataSource.query(
        "SELECT payload FROM notifications WHERE event_id = $1 AND kind = 'access-tasks-late' ORDER BY created_at",
        [event.id],
      ) as Promise<Array<{ payload: { taskIds: string[] } }>>;
    const original = startsAt.getTime() - 14 * DAY;
    expect(Date.parse(childcare.dueAt)).toBe(original);

    // A day past its due date the childcare task is late, and staff are alerted.
    const lateOnce = new Date(original + DAY);
    await withClockAt(api, lateOnce, () => alerts.alertLate('office@roundtable.test'));
    expect(await lateAlerts()).toEqual([{ payload: { taskIds: [childcare.id] } }]);

    // Then the event moves three weeks later: the task is due 14 days before the new start, no
    // longer late; the arranged one keeps its dates.
    const movedStart = new Date(startsAt.getTime() + 21 * DAY);
    await withClockAt(api, lateOnce, async (token) => {
      await request(api.http)
        .patch(`/api/v1/events/${event.id}`)
        .set(bearer(token))
        .send({
          startsAt: movedStart.toISOString(),
          endsAt: new Date(movedStart.getTime() + 2 * 3_600_000).toISOString(),
        })
        .expect(200);
      const list = await request(api.http).get(`/api/v1/events/${event.id}/access-tasks`).set(bearer(token));
      expect(list.body.late).toBe(0);
    });
    const newDue = movedStart.getTime() - 14 * DAY;
    const rows = await taskRows(registration.id);
    expect(rows.find((row) => row.need === 'childcare')).toMatchObject({
      status: 'open',
      due_at: new Date(newDue),
      late_alerted_at: null,
    });
    expect(rows.find((row) => row.need === 'bsl_interpreter')!.due_at).toEqual(new Date(original));

    // Not alerted again before its new due date; alerted again once past it.
    await withClockAt(api, new Date(newDue - DAY), () => alerts.alertLate('office@roundtable.test'));
    expect(await lateAlerts()).toHaveLength(1);
    await withClockAt(api, new Date(newDue + DAY), () => alerts.alertLate('office@roundtable.test'));
    expect(await lateAlerts()).toEqual([
      { payload: { taskIds: [childcare.id] } },
      { payload: { taskIds: [childcare.id] } },
    ]);

    // Moved to four days from now: not late at once, due in half the time left (the late-registrant rule).
    const soon = new Date(newDue + DAY);
    const soonStart = new Date(soon.getTime() + 4 * DAY);
    await withClockAt(api, soon, (token) =>
      request(api.http)
        .patch(`/api/v1/events/${event.id}`)
        .set(bearer(token))
        .send({
          startsAt: soonStart.toISOString(),
          endsAt: new Date(soonStart.getTime() + 2 * 3_600_000).toISOString(),
        })
        .expect(200),
    );
    expect((await taskRows(registration.id)).find((row) => row.need === 'childcare')!.due_at).toEqual(
      new Date(soon.getTime() + 2 * DAY),
    );
  });

  it('is for staff only: 401 without a token, 403 for a partner, 404 for an unknown event', async () => {
    const { event, tasks } = await personWithNeeds(['childcare']);
    expectError(await request(api.http).get(`/api/v1/events/${event.id}/access-tasks`), 401);
    expectError(await request(api.http).post(`/api/v1/access-tasks/${tasks[0].id}/arrange`).send({}), 401);
    const partner = await partnerToken(api);
    expectError(
      await request(api.http).get(`/api/v1/events/${event.id}/access-tasks`).set(bearer(partner)),
      403,
    );
    expectError(await arrange(partner, tasks[0].id), 403);
    expectError(
      await request(api.http).get(`/api/v1/events/${randomUUID()}/access-tasks`).set(bearer(staff)),
      404,
    );
    expectError(await request(api.http).get('/api/v1/events/nope/access-tasks').set(bearer(staff)), 404);
    const [row] = await api.dataSource.query('SELECT status FROM access_tasks WHERE id = $1', [tasks[0].id]);
    expect(row.status).toBe('open');
  });
});
