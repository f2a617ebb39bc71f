import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, expectError, lettersFor } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/** BODY_LIMIT and INVITATIONS_BODY_LIMIT are settings: each route honours its own, and says it. */
describe('body limits from the settings', () => {
  let api: TestApi;
  let staff: string;

  beforeAll(async () => {
    api = await createTestApi('body-limits', { env: { BODY_LIMIT: '1kb', INVITATIONS_BODY_LIMIT: '4kb' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const contacts = (count: number) =>
    Array.from({ length: count }, (_, n) => ({
      name: `Person ${lettersFor(n)}`,
      email: `person.${n}@example.org`,
    }));

  it('lets the invitation list past BODY_LIMIT, up to INVITATIONS_BODY_LIMIT', async () => {
    const body = { contacts: contacts(50) };
    expect(JSON.stringify(body).length).toBeGreaterThan(1024);
    expect(JSON.stringify(body).length).toBeLessThan(4096);
    const res = await request(api.http)
      .post(`/api/v1/events/${randomUUID()}/invitations`)
      .set(bearer(staff))
      .send(body);
    // Parsed, so it reached the route, which does not know the event.
    expect(expectError(res, 404)).toMatch(/event/);
  });

  it('refuses an invitation list over INVITATIONS_BODY_LIMIT with a 413 naming it', async () => {
    const res = await request(api.http)
      .post(`/api/v1/events/${randomUUID()}/invitations`)
      .set(bearer(staff))
      .send({ contacts: contacts(200) });
    expect(expectError(res, 413)).toMatch(/limit of 4kb; send at most 10,000 contacts a request/);
  });

  it('refuses any other body over BODY_LIMIT with a 413 naming it', async () => {
    const res = await request(api.http)
      .post('/api/v1/events')
      .set(bearer(staff))
      .send({ title: 'x', description: 'y'.repeat(2000) });
    expect(expectError(res, 413)).toMatch(/limit of 1kb/);
  });
});
