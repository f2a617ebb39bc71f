import Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL } from './database';
import { REDIS_URL } from './environment';
import { report } from './stats';

/** The lines bench/RESULTS.md wants beside every figure: what ran, where, and how busy it was. */
export async function describeMachine(): Promise<void> {
  const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const pg = new Client({ connectionString: ADMIN_DATABASE_URL });
  await pg.connect();
  const [{ server_version: postgres }] = (await pg.query('SHOW server_version')).rows;
  await pg.end();
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  redis.disconnect();
  report('Machine', [
    ['date', new Date().toISOString()],
    ['cpus (nproc)', os.availableParallelism()],
    ['model', model],
    ['memory', `${Math.round(os.totalmem() / 2 ** 30)} GiB`],
    ['node', process.version],
    ['postgres', postgres],
    ['redis', redisVersion],
    [
      'load average (1/5/15 min)',
      os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' '),
    ],
  ]);
}

/** The 1-minute load average, printed next to a figure. */
export function load(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}
