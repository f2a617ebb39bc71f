import { Queue } from 'bullmq';
import Redis from 'ioredis';
// By path: the notifications index would pull in Nest modules the bench process does not need.
import { NOTIFICATIONS_QUEUE } from '../../libs/notifications/src/ledger/notification-jobs';
import { redisOptionsFromUrl } from '../../libs/platform/src/redis/redis-options';
import { ApiClient } from './api-client';
import { createBenchDatabase, type BenchDatabase } from './database';
import { appEnvironment, redisPrefix, REDIS_URL } from './environment';
import { freePort, startApi, startWorker, type ChildApp } from './processes';
import { BenchSmtpSink } from './smtp-sink';

export interface Stack {
  database: BenchDatabase;
  sink: BenchSmtpSink;
  prefix: string;
  /** The environment the api and worker run with. */
  env: Record<string, string>;
  /** The notifications queue as the apps see it (same Redis prefix). */
  queue: Queue;
  api?: ChildApp;
  worker?: ChildApp;
  client?: ApiClient;
  startWorker(): Promise<ChildApp>;
  close(): Promise<void>;
}

/**
 * Everything one benchmark runs against: its own database (migrated), Redis prefix and SMTP
 * sink, and, if asked, the real api and worker as child processes. close() stops the processes,
 * removes the prefix's keys and drops the database, whatever happened before.
 */
export async function startStack(label: string, parts: { api?: boolean; worker?: boolean }): Promise<Stack> {
  const sink = await BenchSmtpSink.start();
  const prefix = redisPrefix(label);
  let database: BenchDatabase | undefined;
  const children: ChildApp[] = [];
  const queue = new Queue(NOTIFICATIONS_QUEUE, {
    prefix,
    connection: { ...redisOptionsFromUrl(REDIS_URL), maxRetriesPerRequest: null },
  });
  const close = async () => {
    for (const child of children.reverse()) await child.stop().catch(() => undefined);
    await queue.close().catch(() => undefined);
    await removeKeys(`${prefix}:*`).catch(() => undefined);
    await sink.stop().catch(() => undefined);
    await database
      ?.drop()
      .catch((error: unknown) => console.error(`could not drop ${database?.name}:`, error));
  };
  try {
    database = await createBenchDatabase(label, REDIS_URL);
    const port = await freePort();
    const env = appEnvironment({ databaseUrl: database.url, prefix, smtpUrl: sink.url, port });
    const stack: Stack = {
      database,
      sink,
      prefix,
      env,
      queue,
      async startWorker() {
        const worker = await startWorker(env, () => queue.getWorkersCount(), await queue.getWorkersCount());
        children.push(worker);
        return worker;
      },
      close,
    };
    if (parts.api) {
      stack.api = await startApi(env);
      children.push(stack.api);
      stack.client = new ApiClient(`http://127.0.0.1:${port}`);
      await stack.client.signIn();
    }
    if (parts.worker) stack.worker = await stack.startWorker();
    return stack;
  } catch (error) {
    await close();
    throw error;
  }
}

/** Deletes every key matching `pattern` (a benchmark's prefix), in batches. */
export async function removeKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
