import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { migrations } from './migrations';

/**
 * How long opening a connection may take. A Postgres that is down refuses at once; one that does
 * not answer at all (a dead host, a cut network) is given up on after this, and the request is a
 * 503 with Retry-After (see isDatabaseUnavailable), inside the two seconds a request may take.
 */
export const DATABASE_CONNECT_TIMEOUT_MS = 1_000;

/**
 * How long a request waits for a free pooled connection. Longer than the connect timeout: a
 * burst of registrations may queue for a few seconds, and is better served late than refused.
 */
export const DATABASE_POOL_WAIT_MS = 10_000;

/**
 * node-postgres's pool hands its own `connectionTimeoutMillis` (the wait for a free client) to
 * each client it creates; this client keeps a shorter timeout of its own for connecting.
 */
class QuickToConnectClient extends Client {
  constructor(config: ClientConfig) {
    super({ ...config, connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS });
  }
}

const logger = new Logger('Postgres');

/**
 * The one description of how we talk to Postgres, shared by the apps and the migration CLI.
 * `synchronize` is never on: every schema change is a reviewed migration.
 *
 * No statement_timeout is set for every session: migrations (and the advisory lock that lines
 * them up across processes) run through these options and may rightly take longer than any
 * request should.
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
    // When Postgres restarts or drops a connection, each idle pooled client reports an error
    // (57P01 and friends); unhandled, it would crash the process. The pool discards that client
    // and opens a new one on the next query, so a line in the log (the code, no data) is all.
    poolErrorHandler: (error: Error & { code?: string }) =>
      logger.warn(`An idle connection failed (${error.code ?? error.message}); the pool replaces it`),
    extra: {
      max: poolSize,
      application_name: 'roundtable',
      Client: QuickToConnectClient,
      connectionTimeoutMillis: DATABASE_POOL_WAIT_MS,
      // Notices a peer that vanished without closing the connection (a failover, a cut network).
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // A transaction left open by a stuck request must not hold its locks for ever.
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}
