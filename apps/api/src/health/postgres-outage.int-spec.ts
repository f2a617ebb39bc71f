import request from 'supertest';
import { ensureDatabase, withDatabase } from '../../../../tools/local/postgres';
import { bearer } from '../../../../test/support/fixtures';
import { OwnPostgres } from '../../../../test/support/own-postgres';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/** Well past the two seconds a request may take, so a hang fails the test instead of stalling it. */
const GIVE_UP_MS = 5_000;
const ANSWER_WITHIN_MS = 2_000;

/**
 * Postgres goes away under a running api, and comes back on the same port. Meanwhile every kind
 * of request (a staff API route, a public one, a page, /health) is a quick 503 that says when to
 * try again; afterwards the same requests work, without restarting the app.
 */
describe('a lost Postgres', () => {
  let postgres: OwnPostgres;
  let api: TestApi;
  let staff: string;

  // A server of this file's own, so stopping it disturbs no other test.
  beforeAll(async () => {
    postgres = await OwnPostgres.start();
    await ensureDatabase(postgres.url, 'roundtable');
    // The api runs its migrations against this server when it starts, as in production.
    api = await createTestApi('postgres-outage', {
      env: { DATABASE_URL: withDatabase(postgres.url, 'roundtable') },
    });
    staff = await api.tokenFor('admin');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await postgres?.remove();
  });

  const routes = () =>
    [
      ['a staff API route', () => request(api.http).get('/api/v1/events').set(bearer(staff)), 'json'],
      ['a public API route', () => request(api.http).get('/api/v1/public/events'), 'json'],
      ['a page', () => request(api.http).get('/events'), 'html'],
      ['/health', () => request(api.http).get('/health'), 'json'],
    ] as const;

  it('answers 503 with Retry-After within two seconds while it is down, and recovers when it is back', async () => {
    for (const [, send] of routes()) expect((await send()).status).toBe(200);
    await postgres.stop();
    for (const [what, send, kind] of routes()) {
      const started = Date.now();
      const res = await send().timeout(GIVE_UP_MS);
      const ms = Date.now() - started;
      expect({ what, status: res.status }).toEqual({ what, status: 503 });
      expect({ what, retryAfter: res.headers['retry-after'] }).toEqual({
        what,
        retryAfter: expect.stringMatching(/^\d+$/),
      });
      expect({ what, fast: ms < ANSWER_WITHIN_MS }).toEqual({ what, fast: true });
      if (kind === 'html') {
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.text).toContain('The service is briefly unavailable');
      } else if (what === '/health') {
        expect(res.body.details).toMatchObject({ postgres: { status: 'down' }, redis: { status: 'up' } });
      } else {
        expect(res.body).toEqual({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'the service is briefly unavailable: try again in a few seconds',
        });
      }
    }

    await postgres.start(); // on the same port, or it throws
    for (const [what, send] of routes()) {
      const res = await send().timeout(GIVE_UP_MS);
      expect({ what, status: res.status }).toEqual({ what, status: 200 });
    }
  });
});
