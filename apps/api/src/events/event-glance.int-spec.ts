import request from 'supertest';
import { bearer, createEvent, createVenue, publishEvent } from '../../../../test/support/fixtures';
import { csrfOf } from '../../../../test/support/page-html';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * The staff events list at a glance: places taken, people waiting and access needs still to
 * arrange, the same in the page and in GET /api/v1/events, counted from the real registrations.
 */
describe('events list: counts at a glance', () => {
  let api: TestApi;
  let staff: string;
  let eventId: string;

  beforeAll(async () => {
    api = await createTestApi('event-glance', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
    const venue = await createVenue(api, staff, { name: 'Small Room', capacity: 2 });
    const event = await createEvent(api, staff, { title: 'Small roundtable', venueId: venue.id });
    eventId = event.id;
    await publishEvent(api, staff, eventId);
    const people = [
      { name: 'Ann', email: 'ann@example.org', accessNeeds: ['bsl_interpreter'] },
      { name: 'Ben', email: 'ben@example.org', accessNeeds: ['bsl_interpreter'] },
      { name: 'Cat', email: 'cat@example.org', accessNeeds: [] },
    ];
    for (const person of people) {
      await request(api.http)
        .post(`/api/v1/public/events/${eventId}/registrations`)
        .send({ ...person, role: 'parent_carer' })
        .expect(202);
    }
    // Arrange one of the two needs: one is left to arrange.
    await api.dataSource.query(
      `UPDATE access_tasks SET status = 'arranged' WHERE id = (SELECT id FROM access_tasks WHERE event_id = $1 LIMIT 1)`,
      [eventId],
    );
  });
  afterAll(() => api.close());

  it('gives each event its places taken, people waiting and open access needs in the JSON list', async () => {
    const res = await request(api.http).get('/api/v1/events').set(bearer(staff)).expect(200);
    const event = res.body.items.find((item: { id: string }) => item.id === eventId);
    const tasks = await api.dataSource.query(
      `SELECT count(*)::int AS open FROM access_tasks WHERE event_id = $1 AND status = 'open'`,
      [eventId],
    );
    expect(tasks[0].open).toBe(1);
    expect(event.counts).toEqual({ placesTaken: 2, waiting: 1, openAccessNeeds: 1 });
  });

  it('shows the same counts in the staff events list page', async () => {
    const agent = request.agent(api.http);
    const signIn = await agent.get('/sign-in');
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password, _csrf: csrfOf(signIn.text) })
      .expect(303);
    const page = await agent.get('/staff/events?show=all').expect(200);
    const row = page.text.slice(page.text.indexOf('Small roundtable'));
    const cells = [...row.matchAll(/govuk-table__cell--numeric">\s*([^<]*)/g)]
      .slice(0, 3)
      .map((m) => m[1].trim());
    expect(cells).toEqual(['2 of 2', '1', '']); // the third is a link: its number follows
    expect(row).toMatch(/>1<span class="govuk-visually-hidden"> to arrange for Small roundtable/);
  });
});
