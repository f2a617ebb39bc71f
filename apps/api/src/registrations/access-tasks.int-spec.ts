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
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { registerAndRead } from '../../../../test/support/registered';

/** Staff see what people need, arrange it, and the attendee is told (one email, however often clicked). */
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
