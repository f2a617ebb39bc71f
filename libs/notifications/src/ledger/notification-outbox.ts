import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@roundtable/platform';
import type { JobsOptions, Queue } from 'bullmq';
import type { DueNotification } from './notification-ledger';
import { NotificationJobPolicy } from './notification-job-policy';
import { NOTIFICATION_JOBS, NOTIFICATIONS_QUEUE, type SendNotificationJob } from './notification-jobs';

const ENQUEUE_CHUNK = 1000;

/**
 * Puts planned rows on the queue after their transaction commits. If Redis is away the rows are
 * still in the ledger and the sweeper enqueues them later, so a failure here loses nothing and
 * must not fail the request that planned them.
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<SendNotificationJob>,
    private readonly clock: Clock,
    private readonly policy: NotificationJobPolicy,
  ) {}

  async enqueue(rows: DueNotification[], requestId?: string): Promise<void> {
    if (rows.length === 0) return;
    const now = this.clock.now().getTime();
    // addBulk is one Redis transaction per call: chunks keep each one short, so a mailing to
    // ten thousand does not hold up every other client of the same Redis.
    for (let start = 0; start < rows.length; start += ENQUEUE_CHUNK) {
      const chunk = rows.slice(start, start + ENQUEUE_CHUNK);
      try {
        await this.queue.addBulk(
          chunk.map((row) => ({
            name: NOTIFICATION_JOBS.send,
            data: { notificationId: row.id, ...(requestId && { requestId }) },
            opts: this.jobOptions(row, now),
          })),
        );
      } catch (error) {
        this.logger.warn(
          `Could not enqueue ${rows.length - start} notification(s); the sweeper will: ${error instanceof Error ? error.message : error}`,
        );
        return;
      }
    }
  }

  /**
   * For the sweeper: puts pending rows back on the queue. A row whose job is still waiting,
   * delayed or running is left alone (adding it again would be a no-op anyway). A job that has
   * finished while its row is still pending blocks a new add with the same id, so it is removed
   * first. Returns how many rows were added. Redis errors are thrown: the next sweep tries again.
   */
  async requeue(rows: DueNotification[]): Promise<number> {
    const now = this.clock.now().getTime();
    let added = 0;
    for (const row of rows) {
      const existing = await this.queue.getJob(row.id);
      if (existing) {
        const state = await existing.getState();
        if (state !== 'completed' && state !== 'failed') continue;
        // Another sweeper may have removed it first; the add below is then a harmless no-op.
        await existing.remove().catch(() => undefined);
      }
      const data = { notificationId: row.id, ...(row.requestId && { requestId: row.requestId }) };
      await this.queue.add(NOTIFICATION_JOBS.send, data, this.jobOptions(row, now));
      added += 1;
    }
    return added;
  }

  // The row id is the job id: adding the same row twice while its job exists is a no-op.
  private jobOptions(row: DueNotification, now: number): JobsOptions {
    return { ...this.policy.send, jobId: row.id, delay: Math.max(0, row.sendAt.getTime() - now) };
  }
}
