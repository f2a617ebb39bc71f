import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// By path, not through the index, which would validate config before a test has set it.
import { runMigrationsExclusively } from '../../libs/platform/src/database/migration-runner';
import { postgresOptions } from '../../libs/platform/src/database/typeorm-options';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../libs/platform/src/database/migrations');

/**
 * A database migrated once, which each test file's database copies (CREATE DATABASE … TEMPLATE)
 * instead of running every migration again: about half a second a file. Named by a hash of the
 * migration files, so a run with the same migrations reuses it and a changed migration gets a
 * template of its own. Built under a temporary name and renamed when complete, so a run cut off
 * half way never leaves a half-migrated template to copy.
 */
export async function ensureMigratedTemplate(adminUrl: string): Promise<string> {
  const name = `rt_template_${migrationsHash()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`CREATE DATABASE "${building}"`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      // Two connections: one holds the migration lock while the other runs the migrations.
      const dataSource = new DataSource(postgresOptions(url.toString(), 2));
      await dataSource.initialize();
      try {
        await runMigrationsExclusively(dataSource);
      } finally {
        await dataSource.destroy();
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      // Another run (a second checkout's tests) built the same template meanwhile: use theirs.
      const built = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (built.rowCount) return name;
      throw error;
    }
    return name;
  } finally {
    await admin.end();
  }
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
