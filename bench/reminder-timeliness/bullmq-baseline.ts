import { Queue } from 'bullmq';
import path from 'node:path';
import { NOTIFICATIONS_WORKER_OPTIONS } from '../../libs/notifications/src/ledger/notification-jobs';
import { redisOptionsFromUrl } from '../../libs/platform/src/redis/redis-options';
import { redisPrefix, REDIS_URL } from '../support/environment';
import { startTypeScript } from '../support/processes';
import type { BenchSmtpSink } from '../support/smtp-sink';
import { removeKeys } from '../support/stack';

const QUEUE = 'bench-reminders';

/**
 * Raw BullMQ: `count` delayed jobs due at the same instant on a plain Queue, a plain Worker
 * (same concurrency as the notifications worker) in a child process sending with plain
 * nodemailer to the same sink. Returns the instant they were due.
 */
export async function runBullmqBaseline(
  sink: BenchSmtpSink,
  count: number,
  bodyBytes: number,
  leadMs: number,
  timeoutMs: number,
): Promise<{ dueAt: number; enqueueMs: number; workerCpuSeconds: number }> {
  const prefix = redisPrefix('bullmq-baseline');
  const queue = new Queue(QUEUE, {
    prefix,
    connection: { ...redisOptionsFromUrl(REDIS_URL), maxRetriesPerRequest: null },
  });
  const worker = await startTypeScript(
    'baseline worker',
    path.join(__dirname, 'bullmq-baseline-worker.ts'),
    {
      REDIS_URL,
      SMTP_URL: sink.url,
      BENCH_PREFIX: prefix,
      BENCH_QUEUE: QUEUE,
      BENCH_CONCURRENCY: String(NOTIFICATIONS_WORKER_OPTIONS.concurrency),
      BENCH_BODY_BYTES: String(bodyBytes),
    },
    async () => (await queue.getWorkersCount()) > 0,
  );
  try {
    const dueAt = Math.ceil(Date.now() / 1000) * 1000 + leadMs;
    const started = Date.now();
    await queue.addBulk(
      Array.from({ length: count }, (_, n) => ({
        name: 'reminder',
        data: { to: `reminded.${n + 1}@example.org` },
        opts: { jobId: `reminder-${n + 1}`, delay: dueAt - Date.now() },
      })),
    );
    const enqueueMs = Date.now() - started;
    const cpuBefore = worker.cpuSeconds();
    await sink.waitFor(count, leadMs + timeoutMs);
    return { dueAt, enqueueMs, workerCpuSeconds: worker.cpuSeconds() - cpuBefore };
  } finally {
    await worker.stop();
    await queue.close();
    await removeKeys(`${prefix}:*`);
  }
}
