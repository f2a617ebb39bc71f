import { testLinkKeys, testTestimonyKeys } from './link-keys';
import { TEST_OFFICE_ENV } from './test-office';
import type { LoggerService } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
// By path, not through the index, which would validate config before it is set.
import { Clock, type FixedClock } from '../../libs/platform/src/clock/clock';
import { RedisService } from '../../libs/platform/src/redis/redis.service';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './test-database';
import { newTestRedisPrefix, removeTestRedisKeys } from './test-redis';

export interface TestWorker {
  /** The compiled worker, not yet started: call init() to start it. */
  worker: TestingModule;
  database: TestDatabase;
  /** What the worker logged, as "context: message" lines. */
  logs: string[];
  /** Stops the worker and drops its database; once, however often it is called. */
  close(): Promise<void>;
}

/**
 * The worker's module (apps/worker/src/worker.module.ts) against a database of its own and a
 * Redis prefix of its own. Like createTestApi, it sets the environment before the first import
 * of the module, which validates config; so one per test file.
 */
export interface TestWorkerOptions {
  /** Replaces the worker's clock, for sweeps that depend on the time. */
  clock?: FixedClock;
}

export async function createTestWorker(
  label: string,
  env: Record<string, string> = {},
  options: TestWorkerOptions = {},
): Promise<TestWorker> {
  const database = await createTestDatabase(label);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '2',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: newTestRedisPrefix(),
    LOG_LEVEL: 'silent',
    LINK_KEYS: testLinkKeys(),
    TESTIMONY_KEYS: testTestimonyKeys(),
    ...TEST_OFFICE_ENV,
    ...env,
  });
  const redis = { url: process.env.REDIS_URL!, prefix: process.env.REDIS_PREFIX! };
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const logs: string[] = [];
  const record = (message: unknown, context?: unknown) => logs.push(`${String(context)}: ${String(message)}`);
  const logger: LoggerService = {
    log: record,
    error: record,
    warn: record,
    debug: () => undefined,
    verbose: () => undefined,
  };
  const builder = Test.createTestingModule({ imports: [WorkerModule] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const worker = await builder.setLogger(logger).compile();
  worker.useLogger(logger);
  let closing: Promise<void> | undefined;
  return {
    worker,
    database,
    logs,
    close() {
      closing ??= (async () => {
        // Nest will not close a context whose start failed (close() rethrows the start's error
        // and runs no shutdown hooks), so then let go of what it opened by hand.
        await worker.close().catch(async () => {
          await stopReconnecting(worker.get(RedisService).client);
          await worker.get(DataSource).destroy();
        });
        await removeTestRedisKeys(redis.prefix, redis.url);
        await database.drop();
      })();
      return closing;
    },
  };
}

/**
 * Lets a client that cannot reach Redis give up at its next attempt. (disconnect() would also
 * stop it, but leaves ioredis holding the dead socket's 2-second close timer, so jest would not
 * exit promptly.)
 */
function stopReconnecting(client: RedisService['client']): Promise<void> {
  if (client.status === 'end') return Promise.resolve();
  client.options.retryStrategy = () => null;
  return new Promise((resolve) => client.once('end', () => resolve()));
}
