import { createServer, type Socket } from 'node:net';
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

  /** Sends each request while Postgres is away: a 503 that says when to retry, within 2 s. */
  async function expectBrieflyUnavailable(): Promise<void> {
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
  }

  async function expectWorking(): Promise<void> {
    for (const [what, send] of routes()) {
      const res = await send().timeout(GIVE_UP_MS);
      expect({ what, status: res.status }).toEqual({ what, status: 200 });
    }
  }

  it('answers 503 with Retry-After within two seconds while it is down, and recovers when it is back', async () => {
    await expectWorking();
    await postgres.stop();
    await expectBrieflyUnavailable();
    await postgres.start(); // on the same port, or it throws
    await expectWorking();
  });

  it('does the same when something takes connections on its port but never answers (a hung host)', async () => {
    await postgres.stop();
    const silent = new Set<Socket>();
    const hung = createServer((socket) => silent.add(socket));
    await new Promise<void>((resolve) => hung.listen(postgres.port, '127.0.0.1', resolve));
    try {
      await expectBrieflyUnavailable();
    } finally {
      for (const socket of silent) socket.destroy();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
    await postgres.start();
    await expectWorking();
  });
});
