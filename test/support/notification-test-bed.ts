import { testLinkKeys, testTestimonyKeys } from './link-keys';
import { TEST_OFFICE_ENV } from './test-office';
import { getQueueToken } from '@nestjs/bullmq';
import type { LoggerService } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  NOTIFICATIONS_QUEUE,
  NotificationJobPolicy,
  NotificationLedger,
  NotificationOutbox,
} from '@roundtable/notifications';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { waitUntil } from '../../tools/local/wait';
import { SmtpSink } from './smtp-sink';
import { TEST_JOB_POLICY } from './test-job-policy';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './test-database';
import { newTestRedisPrefix, removeTestRedisKeys } from './test-redis';
import { spawnWorkerMain, spawnWorkerProcess, type WorkerProcess } from './worker-process';

export { TEST_JOB_POLICY };

export interface RunningWorker {
  app: TestingModule;
  close(): Promise<void>;
}

export interface NotificationTestBed {
  database: TestDatabase;
  sink: SmtpSink;
  /** The environment every worker of this bed runs with (the same database and Redis prefix). */
  env: Record<string, string>;
  policy: NotificationJobPolicy;
  /** The first worker, started with the bed; tests seed and inspect through its providers. */
  first: RunningWorker;
  dataSource: DataSource;
  ledger: NotificationLedger;
  outbox: NotificationOutbox;
  queue: Queue;
  /** Another worker in this process, on the same database and queue. */
  startWorker(): Promise<RunningWorker>;
  /** A worker in a child process, which a test can kill outright. */
  spawnWorker(): Promise<WorkerProcess>;
  /** apps/worker/src/main.ts in a child process, with the registry's own policy. */
  spawnMain(): Promise<WorkerProcess>;
  /**
   * What the in-process workers logged, as "context: message" lines, all together: Nest's
   * Logger is process-wide, so lines cannot be told apart by worker.
   */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The worker (apps/worker/src/worker.module.ts) against a database, a Redis prefix and an SMTP
 * sink of its own. Config is read when the worker module is first imported, so, as with
 * createTestWorker, one bed per test file.
 */
export async function createNotificationTestBed(
  label: string,
  policy: NotificationJobPolicy = TEST_JOB_POLICY,
  /** Settings over the bed's own (such as another office). */
  overrides: Record<string, string> = {},
): Promise<NotificationTestBed> {
  const sink = await SmtpSink.start();
  const database = await createTestDatabase(label, { migrated: true });
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: newTestRedisPrefix(),
    SMTP_URL: sink.url,
    MAIL_FROM: 'Halesowen Constituency Office <office@roundtable.test>',
    PUBLIC_URL: 'https://roundtable.test',
    LINK_KEYS: testLinkKeys(),
    TESTIMONY_KEYS: testTestimonyKeys(),
    ...TEST_OFFICE_ENV,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
  Object.assign(process.env, env);
  const workers: RunningWorker[] = [];
  const children: WorkerProcess[] = [];
  const logs: string[] = [];
  const record = (message: unknown, context?: unknown) => logs.push(`${String(context)}: ${String(message)}`);
  const logger: LoggerService = {
    log: record,
    error: record,
    warn: record,
    debug: record,
    verbose: () => undefined,
  };

  const startWorker = async (): Promise<RunningWorker> => {
    const { WorkerModule } = await import('../../apps/worker/src/worker.module');
    const app = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(NotificationJobPolicy)
      .useValue(policy)
      .setLogger(logger)
      .compile();
    app.useLogger(logger);
    await app.init();
    let closing: Promise<void> | undefined;
    const worker = { app, close: () => (closing ??= app.close()) };
    workers.push(worker);
    return worker;
  };

  const first = await startWorker();
  return {
    database,
    sink,
    env,
    policy,
    first,
    dataSource: first.app.get(DataSource),
    ledger: first.app.get(NotificationLedger),
    outbox: first.app.get(NotificationOutbox),
    queue: first.app.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE), { strict: false }),
    startWorker,
    async spawnWorker() {
      const child = await spawnWorkerProcess(env, policy);
      children.push(child);
      return child;
    },
    async spawnMain() {
      const child = await spawnWorkerMain(env);
      children.push(child);
      return child;
    },
    logs,
    async close() {
      await Promise.all(children.map((child) => child.kill()));
      await Promise.all(workers.map((worker) => worker.close()));
      await sink.stop();
      await removeTestRedisKeys(env.REDIS_PREFIX, env.REDIS_URL);
      await database.drop();
    },
  };
}

/** Polls the ledger until `check` holds, for at most `timeoutMs`; no timing is asserted. */
export function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  return waitUntil(what, check, { timeoutMs, intervalMs: 100 });
}
