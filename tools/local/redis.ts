import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { displayPath } from './paths';
import { findFreePort } from './ports';
import { describeExit, startProcess } from './processes';
import { SetupError } from './setup-error';
import { waitUntil } from './wait';

export interface RedisServer {
  url: string;
  /** Which server this is, for the banner. */
  description: string;
  /** Stops the server if we started it; a no-op for one someone else runs. */
  stop(): Promise<void>;
  /** For a server we started: resolves with the reason once it exits. */
  exited?: Promise<string>;
}

export interface SpawnedRedisOptions {
  dataDir: string;
  preferredPort: number;
  /** See ProcessOptions.detached: true under `npm start`, false under jest so Ctrl-C reaches it. */
  detached: boolean;
}

export const INSTALL_REDIS_HINT = 'install redis-server (apt-get install redis-server)';

/**
 * Sends PING and reads the first reply line: '+PONG' when usable, '-NOAUTH ...' when the server
 * wants a password, undefined when nothing answers. A raw socket says this in one round trip,
 * where a client library would retry and log.
 */
export function pingRedis(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let reply = '';
    const done = (answer: string | undefined) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.once('error', () => done(undefined));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) done(reply.slice(0, end));
    });
  });
}

/** The Redis on 127.0.0.1:6379 if it answers PING, else a redis-server we start. */
export async function localOrSpawnedRedis(
  options: SpawnedRedisOptions,
  notice: (line: string) => void,
): Promise<RedisServer> {
  const answer = await pingRedis(6379);
  if (answer === '+PONG')
    return {
      url: 'redis://127.0.0.1:6379',
      description: 'local Redis on 127.0.0.1:6379',
      stop: async () => {},
    };
  if (answer !== undefined) {
    notice(
      `Redis on 127.0.0.1:6379 answered PING with "${answer}"; starting our own. Set REDIS_URL to use yours.`,
    );
  }
  return spawnRedis(options);
}

/**
 * A throwaway redis-server: in memory only (jobs are recreated from the database's ledger, so
 * nothing of value is lost) and with the eviction policy BullMQ requires.
 */
export async function spawnRedis(options: SpawnedRedisOptions): Promise<RedisServer> {
  const binary = await findOnPath('redis-server');
  if (!binary)
    throw new SetupError(
      'No Redis answers on 127.0.0.1:6379 and redis-server is not installed.',
      INSTALL_REDIS_HINT,
    );
  await mkdir(options.dataDir, { recursive: true });
  const port = await findFreePort(options.preferredPort);
  // redis-server takes its config as --name value pairs; '' for --save means "never snapshot".
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push(
    '--maxmemory-policy',
    'noeviction',
    '--dir',
    options.dataDir,
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
  );
  const server = startProcess('redis-server', binary, args, { detached: options.detached });
  try {
    await waitUntil(`redis-server on port ${port}`, async () => (await pingRedis(port)) === '+PONG', {
      timeoutMs: 10_000,
      giveUpIf: () => server.exitReason,
    });
  } catch (error) {
    await server.stop(2_000);
    const reason = error instanceof Error ? error.message : String(error);
    throw new SetupError([reason, server.recentOutput()].filter(Boolean).join('\n'), INSTALL_REDIS_HINT);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    description: `redis-server on 127.0.0.1:${port} (in memory, started here; dir ${displayPath(options.dataDir)})`,
    stop: async () => {
      await server.stop(5_000);
    },
    exited: server.exited.then(describeExit),
  };
}

async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    const executable = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (executable) return candidate;
  }
  return undefined;
}
