import request from 'supertest';
import { createEvent, publishEvent, slot } from '../../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../../test/support/test-app';
import { csrfOf } from '../../../../../test/support/page-html';

/**
 * The staff pages change and cancel events through the same announcements as the API: a
 * reschedule or cancel on the page tells everyone registered, and a refused form writes nothing.
 */
describe('staff event pages tell people of changes', () => {
  let api: TestApi;
  let agent: ReturnType<typeof request.agent>;
  let staff: string;

  beforeAll(async () => {
    api = await createTestApi('staff-event-announcements');
    staff = await api.tokenFor('admin');
    agent = request.agent(api.http);
    const signIn = await agent.get('/sign-in');
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password, _csrf: csrfOf(signIn.text) });
    expect(res.status).toBe(303);
  });
  afterAll(() => api.close());

  const kinds = async (eventId: string) =>
    (
      await api.dataSource.query<Array<{ kind: string }>>(
        "SELECT kind FROM notifications WHERE event_id = $1 AND status = 'pending' ORDER BY kind",
        [eventId],
      )
    ).map((row) => row.kind);

  it('a reschedule on the edit page plans the messages again at the new sequence; the cancel page plans a cancellation', async () => {
    // 4 February 2026: GMT, so the London times on the form are the UTC ones.
    const event = await createEvent(api, staff, slot(api, 20, 10));
    await publishEvent(api, staff, event.id);
    const registered = await request(api.http)
      .post(`/api/v1/public/events/${event.id}/registrations`)
      .send({ name: 'Sam Carer', email: 'sam.pages@example.org', role: 'parent_carer' });
    expect(registered.status).toBe(202);
    expect(await kinds(event.id)).toEqual(['confirmation', 'reminder', 'reminder', 'reminder']);

    const form = await agent.get(`/staff/events/${event.id}/edit`);
    expect(form.status).toBe(200);
    const edited = await agent
      .post(`/staff/events/${event.id}/edit`)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        title: event.title,
        kind: 'listening_event',
        description: event.description,
        'date-day': '4',
        'date-month': '2',
        'date-year': '2026',
        startTime: '14:00',
        endTime: '16:00',
        venueId: 'online',
        onlineUrl: event.onlineUrl,
        capacity: '',
      });
    expect(edited.status).toBe(303);
    expect(edited.headers.location).toBe(`/staff/events/${event.id}?done=rescheduled`);
    // The confirmation had not gone yet, so it is planned again (at the new time) instead of an update.
    expect(await kinds(event.id)).toEqual(['confirmation', 'reminder', 'reminder', 'reminder']);
    const [sequences] = await api.dataSource.query(
      "SELECT min(event_sequence) AS min, max(event_sequence) AS max FROM notifications WHERE event_id = $1 AND status = 'pending'",
      [event.id],
    );
    expect(sequences).toEqual({ min: 1, max: 1 });

    const cancelPage = await agent.get(`/staff/events/${event.id}/cancel`);
    const refused = await agent
      .post(`/staff/events/${event.id}/cancel`)
      .type('form')
      .send({ _csrf: csrfOf(cancelPage.text), reason: '   ' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Enter why the event is cancelled');
    expect(await kinds(event.id)).toEqual(['confirmation', 'reminder', 'reminder', 'reminder']);

    const cancelled = await agent
      .post(`/staff/events/${event.id}/cancel`)
      .type('form')
      .send({ _csrf: csrfOf(cancelPage.text), reason: 'The hall is closed.' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.location).toBe(`/staff/events/${event.id}?done=cancelled`);
    expect(await kinds(event.id)).toEqual(['cancellation']);
  });
});
