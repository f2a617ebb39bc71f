/**
 * `npm start`: runs Roundtable locally with no configuration. It finds or starts Postgres, Redis
 * and a mail catcher, migrates and seeds the database, then runs the api and the worker with
 * their output prefixed, and prints where to click. Anything set in the environment
 * (DATABASE_URL, REDIS_URL, SMTP_URL, PORT, ADMIN_EMAIL, ADMIN_PASSWORD, ...) is used as given.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
// By path: the platform index would validate the environment on import.
import { DEMO_OFFICE } from '../../libs/platform/src/config/office-settings';
import { appNodeOptions } from '../../libs/platform/src/processes/node-options';
import { formatBanner, withoutPassword } from './banner';
import { localAdminCredentials } from './local-admin';
import { localServerKeys } from './local-server-keys';
import { startMailCatcher } from './mail-catcher';
import { dataPath, displayPath, repoRoot } from './paths';
import { findFreePort } from './ports';
import { ensureDatabase, localOrEmbeddedPostgres, withDatabase } from './postgres';
import { describeExit, type ManagedProcess, runToCompletion, startProcess } from './processes';
import { localOrSpawnedRedis } from './redis';
import { SetupError } from './setup-error';
import { waitUntil } from './wait';

const DATABASE_NAME = 'roundtable';

/** Stop functions, run last-registered first, so the apps stop before the services they use. */
const cleanups: Array<() => Promise<void>> = [];
/** Processes we started whose death should take everything down, each with its exit reason. */
const watched: Array<{ name: string; exited: Promise<string> }> = [];
let shutdown: Promise<never> | undefined;

function notice(line: string): void {
  console.warn(line);
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  console.log('Starting Roundtable: Postgres, Redis, mail catcher, then the api and the worker.');

  const postgres = await choosePostgres();
  const redis = await chooseRedis();
  const mail = await chooseMail();
  const admin = await localAdminCredentials(dataPath('local-admin.json'));
  const keys = await localServerKeys(dataPath('local-link-keys.json'));
  const port = await choosePort();
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    SMTP_URL: mail.url,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LINK_KEYS: keys.linkKeys,
    TESTIMONY_KEYS: keys.testimonyKeys,
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    // A demo office for the sender, the emails' footers and the pages' footer; OFFICE_* set wins.
    ...Object.fromEntries(Object.entries(DEMO_OFFICE).map(([key, demo]) => [key, process.env[key] || demo])),
    // Short lines for a person at a terminal, so the banner stays in view; LOG_FORMAT=json for JSON.
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    // One of each is plenty on a laptop and keeps the terminal's lines in one order.
    API_PROCESSES: process.env.API_PROCESSES ?? '1',
    // The heap settings the Docker image runs them with (see node-options.ts).
    NODE_OPTIONS: appNodeOptions(),
    WORKER_PROCESSES: process.env.WORKER_PROCESSES ?? '1',
    // The apps' output reaches the terminal through us, so they cannot see it is one.
    ...(process.stdout.isTTY && process.env.FORCE_COLOR === undefined && { FORCE_COLOR: '1' }),
  };

  const cli = compiled('apps/api/src/cli.js');
  await runToCompletion('migrate', process.execPath, [cli, 'migrate'], { env, prefix: '[migrate]' });
  if (process.env.SEED_DEMO !== 'false') {
    await runToCompletion('seed-demo', process.execPath, [cli, 'seed-demo'], { env, prefix: '[seed]' });
  }

  const apps = [
    startApp('api', compiled('apps/api/src/main.js'), env),
    startApp('worker', compiled('apps/worker/src/main.js'), env),
  ];
  cleanups.push(async () => {
    await Promise.all(apps.map((app) => app.stop()));
  });
  const [api] = apps;
  const healthUrl = `http://127.0.0.1:${port}/health`;
  await waitUntil(`the api (${healthUrl})`, () => answers200(healthUrl), {
    timeoutMs: 120_000,
    intervalMs: 500,
    giveUpIf: () => api.exitReason && `the api ${api.exitReason}`,
  }).catch((error: unknown) => {
    throw new SetupError(
      error instanceof Error ? error.message : String(error),
      'The [api] lines above say why.',
    );
  });

  console.log(
    formatBanner({
      publicUrl,
      admin,
      adminFile: displayPath(dataPath('local-admin.json')),
      mailWebUrl: mail.webUrl,
      postgres: postgres.description,
      redis: redis.description,
      mail: mail.description,
    }),
  );

  const died = await Promise.race(
    watched.map(({ name, exited }) => exited.then((reason) => `${name} ${reason}`)),
  );
  if (shutdown) return; // we are the ones stopping it
  console.error(`${died}; stopping everything.`);
  await stopEverything(1);
}

async function choosePostgres(): Promise<{ url: string; description: string }> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, description: `DATABASE_URL ${withoutPassword(given)}` };
  const server = await localOrEmbeddedPostgres(
    { dataDir: dataPath('postgres'), preferredPort: 54329 },
    notice,
  );
  cleanups.push(server.stop);
  await ensureDatabase(server.adminUrl, DATABASE_NAME);
  return {
    url: withDatabase(server.adminUrl, DATABASE_NAME),
    description: `${server.description}, database ${DATABASE_NAME}`,
  };
}

async function chooseRedis(): Promise<{ url: string; description: string }> {
  const given = process.env.REDIS_URL;
  if (given) return { url: given, description: `REDIS_URL ${withoutPassword(given)}` };
  const server = await localOrSpawnedRedis(
    { dataDir: dataPath('redis'), preferredPort: 6380, detached: true },
    notice,
  );
  cleanups.push(server.stop);
  if (server.exited) watched.push({ name: 'redis-server', exited: server.exited });
  return server;
}

async function chooseMail(): Promise<{ url: string; description: string; webUrl?: string }> {
  const given = process.env.SMTP_URL;
  if (given) return { url: given, description: `SMTP_URL ${withoutPassword(given)}` };
  const catcher = await startMailCatcher({ smtpPort: 1025, webPort: 1080 }, true);
  cleanups.push(catcher.stop);
  watched.push({ name: 'maildev', exited: catcher.exited });
  return { url: catcher.smtpUrl, description: catcher.description, webUrl: catcher.webUrl };
}

/** PORT or 3000, moved to a free port when taken so a second checkout can run beside the first. */
async function choosePort(): Promise<number> {
  const wanted = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65_535) {
    throw new SetupError(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}.`);
  }
  const port = await findFreePort(wanted);
  if (port !== wanted) notice(`Port ${wanted} is in use; the api will listen on ${port}.`);
  return port;
}

function compiled(file: string): string {
  const full = path.join(repoRoot(), 'dist', file);
  if (!existsSync(full))
    throw new SetupError(
      `${displayPath(full)} does not exist.`,
      'Build first: npm run build (npm start does this).',
    );
  return full;
}

function startApp(name: string, script: string, env: NodeJS.ProcessEnv): ManagedProcess {
  const app = startProcess(name, process.execPath, [script], { env, prefix: `[${name}]`, detached: true });
  watched.push({ name, exited: app.exited.then(describeExit) });
  return app;
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (shutdown) {
    // A second Ctrl-C: the person wants out now, whatever is still draining.
    console.error('Stopping at once.');
    process.exit(130);
  }
  console.log(`\n${signal}: stopping the api, the worker and the services started here...`);
  void stopEverything(0);
}

/** Stops everything once (later callers wait for the first) and exits. */
function stopEverything(code: number): Promise<never> {
  shutdown ??= (async () => {
    for (const stop of cleanups.reverse()) {
      await stop().catch((error: unknown) => console.error(`While stopping: ${String(error)}`));
    }
    process.exit(code);
  })();
  return shutdown;
}

main().catch(async (error: unknown) => {
  if (!shutdown) {
    if (error instanceof SetupError) {
      console.error(`\nRoundtable could not start: ${error.message}`);
      if (error.hint) console.error(`  -> ${error.hint}`);
    } else {
      console.error('\nRoundtable could not start:', error);
    }
  }
  await stopEverything(1);
});
