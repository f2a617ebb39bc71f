import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { waitUntil } from '../../../../tools/local/wait';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { spawnApiMain, type WorkerProcess } from '../../../../test/support/worker-process';

/** A port nothing listens on now, for the api process to take. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The api as production runs it (main.ts, pino to stdout at info), asked for private links in
 * every case and escaping a browser or a mail client might use: no secret reaches its log.
 */
describe('request logging', () => {
  let api: TestApi;
  let child: WorkerProcess;
  let base: string;

  beforeAll(async () => {
    // Migrates the database and sets the test environment that the child process inherits.
    api = await createTestApi('request-logging');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = await spawnApiMain({ LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1' });
    await waitUntil(
      'the api process answering',
      async () => {
        try {
          await fetch(`${base}/health`);
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 30_000, giveUpIf: () => (child.running ? undefined : child.output.join('')) },
    );
  }, 120_000);

  afterAll(async () => {
    await child?.kill();
    await api?.close();
  });

  it('logs the route of /MANAGE/<token> and the like, never the token, whatever the case, escaping or headers', async () => {
    const secret = randomBytes(32).toString('base64url');
    const manage = `rtm_${secret}`;
    const session = `rts_${randomBytes(32).toString('base64url')}`;
    const paths = [
      `/MANAGE/${manage}`,
      `/MANAGE/${manage.toUpperCase()}`,
      `/Manage/${manage}/accept`,
      `/manage/rtm%5F${secret}`,
      `/%6Danage/${manage}/cancel`,
      `/API/V1/PUBLIC/REGISTRATIONS/${manage}`,
      `/api/v1/public/registrations/${manage}/unsubscribe?email=jo@example.org`,
    ];
    const ids = paths.map((_, index) => `log-test-${index}-${randomBytes(4).toString('hex')}`);
    for (const [index, path] of paths.entries()) {
      await fetch(`${base}${path}`, {
        method: index === 6 ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          'X-Request-Id': ids[index],
          Referer: `${base}/manage/${manage}`,
          Cookie: `rt_session=${session}`,
          Authorization: `Bearer ${session}`,
        },
      });
    }
    const lines = () =>
      child.output
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { res?: unknown; req?: { id?: string; url?: string } });
    await waitUntil(
      'every request logged',
      async () => ids.every((id) => lines().some((line) => line.req?.id === id && line.res !== undefined)),
      { timeoutMs: 10_000 },
    );

    const logged = child.output.join('');
    for (const needle of [secret, session.slice(4), 'jo@example.org']) {
      expect(logged.toLowerCase()).not.toContain(needle.toLowerCase());
    }
    // The route shape is still there to read.
    const urls = ids.map((id) => lines().find((line) => line.req?.id === id)!.req!.url);
    expect(urls).toEqual([
      '/MANAGE/:token',
      '/MANAGE/:token',
      '/Manage/:token/accept',
      '/manage/:token',
      '/%6Danage/:token/cancel',
      '/API/V1/PUBLIC/REGISTRATIONS/:token',
      '/api/v1/public/registrations/:token/unsubscribe',
    ]);
  });
});
