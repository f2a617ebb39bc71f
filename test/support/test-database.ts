import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The admin connection the suite creates its databases through (set by global-setup). */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, so files run in parallel and twice in a row without seeing
 * each other's rows. Dropped (forcibly) when the file is done. Empty, unless `migrated`: then a
 * copy of the template global-setup migrated once for the run (see migrated-template.ts), which
 * the app's own migration runner then finds up to date, instead of every file migrating anew.
 */
export async function createTestDatabase(
  label: string,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const name = `rt_test_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const template = options.migrated ? process.env.TEST_TEMPLATE_DATABASE : undefined;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    // A test database is dropped when its file ends and need not outlive a crash of Postgres, so a
    // commit does not wait for its WAL to reach the disk. What a transaction sees and locks is the
    // same either way (only durability after a server crash differs). Every session in this
    // database gets it, the api's, the worker's and the test's own: 500 one-row commits took
    // 0.71 s with it on and 0.12 s off here (2026-12-01), and the suites commit tens of thousands.
    await admin.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminDatabaseUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
