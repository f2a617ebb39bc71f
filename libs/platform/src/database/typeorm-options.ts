import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { migrations } from './migrations';

/**
 * The one description of how we talk to Postgres, shared by the apps and the migration CLI.
 * `synchronize` is never on: every schema change is a reviewed migration.
 */
export function postgresOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations, not
    // on connect, so the app can run as a database user that is not a superuser.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTransactionMode: 'all',
    extra: { max: poolSize, application_name: 'roundtable' },
  };
}
