import request from 'supertest';
import { countRows, createEvent, publishEvent } from '../../../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../../../test/support/test-app';
import { csrfOf } from '../../../../../../test/support/page-html';

/** The public registration and manage pages' posts are rate limited per address, like the API. */
describe('registration page throttling', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('registration-page-throttle', { env: { PUBLIC_RATE_LIMIT: '3' } });
  });
  afterAll(() => api.close());

  it('answers the registration form’s fourth post in a minute with the "too many attempts" page, writing nothing', async () => {
    const token = await api.tokenFor('admin');
    const event = await createEvent(api, token);
    await publishEvent(api, token, event.id);
    const agent = request.agent(api.http);
    const form = await agent.get(`/events/${event.id}/register`).expect(200);
    const csrf = csrfOf(form.text);
    const post = () =>
      agent.post(`/events/${event.id}/register`).type('form').send({ _csrf: csrf, name: 'Sam' });
    for (let attempt = 1; attempt <= 3; attempt += 1) expect((await post()).status).toBe(400);
    const fourth = await post();
    expect(fourth.status).toBe(429);
    expect(fourth.headers['content-type']).toMatch(/text\/html/);
    expect(fourth.text).toContain('Too many attempts');
    expect(await countRows(api, 'registrations')).toBe(0);
  });
});
