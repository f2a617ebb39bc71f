import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { LINK_KEYS_FOR_RUN, TESTIMONY_KEYS_FOR_RUN } from './environment';
import { ROOT } from './paths';

const run = promisify(execFile);

/** The local Postgres the benchmarks use (trust auth), overridable for another machine. */
export const ADMIN_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  /** One query on a short-lived connection, for checks and seeding. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty database of the benchmark's own (rt_bench_<label>_<random>), migrated with the
 * real CLI (dist/apps/api/src/cli.js migrate), dropped at the end.
 */
export async function createBenchDatabase(label: string, redisUrl: string): Promise<BenchDatabase> {
  const name = `rt_bench_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const database: BenchDatabase = {
    name,
    url: url.toString(),
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
  try {
    await run(process.execPath, ['dist/apps/api/src/cli.js', 'migrate'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        LINK_KEYS: LINK_KEYS_FOR_RUN,
        TESTIMONY_KEYS: TESTIMONY_KEYS_FOR_RUN,
        LOG_LEVEL: 'warn',
      },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
