import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, producerQueueOptions } from '@roundtable/platform';
import { Queue, type JobsOptions } from 'bullmq';
import type Redis from 'ioredis';
import type { DueNotification } from './notification-ledger';
import { NotificationJobPolicy } from './notification-job-policy';
import { NOTIFICATION_JOBS, NOTIFICATIONS_QUEUE, type SendNotificationJob } from './notification-jobs';

const ENQUEUE_CHUNK = 1000;

/**
 * The longest an enqueue after commit may hold up its request. The connection already fails at
 * once while Redis is away and after a second when it does not answer; this also covers the
 * first connection of a process whose Redis was down when it started.
 */
const ENQUEUE_WAIT_MS = 1_500;

/** How long shutdown waits for the queue's connection to close politely. */
const CLOSE_WAIT_MS = 2_000;

class EnqueueTimeout extends Error {
  constructor() {
    super(`no answer from Redis within ${ENQUEUE_WAIT_MS} ms`);
  }
}

/**
 * Puts planned rows on the queue after their transaction commits. If Redis is away the rows are
 * still in the ledger and the sweeper enqueues them later, so a failure here loses nothing and
 * must not fail, or hold up, the request that planned them.
 *
 * It adds through a Queue of its own on a fail-fast connection (producerQueueOptions), not the
 * workers' shared one, which waits for ever for Redis to come back. The Queue is opened on first
 * use: a process that never enqueues (a worker that failed to start) holds no connection.
 */
@Injectable()
export class NotificationOutbox implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationOutbox.name);
  private producer: Queue<SendNotificationJob> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly policy: NotificationJobPolicy,
  ) {}

  private get queue(): Queue<SendNotificationJob> {
    if (!this.producer) {
      const queue = new Queue<SendNotificationJob>(NOTIFICATIONS_QUEUE, producerQueueOptions(this.config));
      // Every failed reconnect is an 'error'; the failed adds say what matters, once per request.
      queue.on('error', () => undefined);
      this.producer = queue;
    }
    return this.producer;
  }

  async enqueue(rows: DueNotification[]): Promise<void> {
    if (rows.length === 0) return;
    const now = this.clock.now().getTime();
    // addBulk is one Redis transaction per call: chunks keep each one short, so a mailing to
    // ten thousand does not hold up every other client of the same Redis.
    for (let start = 0; start < rows.length; start += ENQUEUE_CHUNK) {
      const chunk = rows.slice(start, start + ENQUEUE_CHUNK);
      try {
        await this.withinEnqueueWait(
          this.queue.addBulk(
            chunk.map((row) => ({
              name: NOTIFICATION_JOBS.send,
              data: jobData(row),
              opts: this.jobOptions(row, now),
            })),
          ),
        );
      } catch (error) {
        // Ids only: the rows hold names and addresses, the log must not.
        this.logger.warn(
          `Could not enqueue ${rows.length - start} notification(s) (first ${chunk[0].id}` +
            `${chunk[0].requestId ? `, request ${chunk[0].requestId}` : ''}); they stay pending for the sweeper: ` +
            `${error instanceof Error ? error.message : String(error)}`,
        );
        return;
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const producer = this.producer;
    if (!producer) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'gave up'>((resolve) => {
      timer = setTimeout(() => resolve('gave up'), CLOSE_WAIT_MS);
    });
    const outcome = await Promise.race([producer.close().catch(() => 'gave up' as const), gaveUp]);
    clearTimeout(timer);
    if (outcome === 'gave up') await producer.disconnect().catch(() => undefined);
  }

  private async withinEnqueueWait<T>(adding: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EnqueueTimeout()), ENQUEUE_WAIT_MS);
    });
    try {
      return await Promise.race([adding, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * For the sweeper: puts pending rows back on the queue. A row whose job is still waiting,
   * delayed or running is left alone. A job that has finished while its row is still pending
   * blocks a new add with the same id, so it is removed first. Returns how many rows were added.
   * Redis errors are thrown: the next sweep tries again.
   *
   * A bounded number of round trips whatever the number of rows: one pipeline asks which jobs
   * exist and which of those have finished, the finished ones are removed together, and the rest
   * go back in one addBulk a chunk. The job id is the row id, so a job another sweeper added
   * meanwhile is not duplicated: BullMQ's add is a no-op for an id that exists.
   */
  async requeue(rows: DueNotification[]): Promise<number> {
    if (rows.length === 0) return 0;
    const now = this.clock.now().getTime();
    const states = await this.jobStates(rows.map((row) => row.id));
    const finished = rows.filter((row) => states.get(row.id) === 'finished');
    // Another sweeper may have removed one first; its add below is then a harmless no-op.
    await Promise.all(finished.map((row) => this.queue.remove(row.id).catch(() => 0)));
    const toAdd = rows.filter((row) => states.get(row.id) !== 'live');
    for (let start = 0; start < toAdd.length; start += ENQUEUE_CHUNK) {
      await this.queue.addBulk(
        toAdd.slice(start, start + ENQUEUE_CHUNK).map((row) => ({
          name: NOTIFICATION_JOBS.send,
          data: jobData(row),
          opts: this.jobOptions(row, now),
        })),
      );
    }
    return toAdd.length;
  }

  /**
   * For each job id, in one pipeline: 'none' (no job), 'finished' (completed or failed, so it
   * blocks a new add) or 'live' (waiting, delayed or running: leave it be).
   */
  private async jobStates(ids: string[]): Promise<Map<string, 'none' | 'finished' | 'live'>> {
    const queue = this.queue;
    // BullMQ's connection is an ioredis client; its own type leaves out the commands used here.
    const client = (await queue.client) as unknown as Redis;
    const pipeline = client.pipeline();
    for (const id of ids) {
      pipeline.exists(queue.toKey(id));
      pipeline.zscore(queue.keys.completed, id);
      pipeline.zscore(queue.keys.failed, id);
    }
    const replies = (await pipeline.exec()) ?? [];
    const states = new Map<string, 'none' | 'finished' | 'live'>();
    ids.forEach((id, index) => {
      const [exists, completed, failed] = replies.slice(index * 3, index * 3 + 3).map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      states.set(id, exists === 0 ? 'none' : completed !== null || failed !== null ? 'finished' : 'live');
    });
    return states;
  }

  // The row id is the job id: adding the same row twice while its job exists is a no-op.
  private jobOptions(row: DueNotification, now: number): JobsOptions {
    return { ...this.policy.send, jobId: row.id, delay: Math.max(0, row.sendAt.getTime() - now) };
  }
}

/** Ids only: the row, and the request that planned it so the worker's logs join up with the api's. */
function jobData(row: DueNotification): SendNotificationJob {
  return { notificationId: row.id, ...(row.requestId && { requestId: row.requestId }) };
}
