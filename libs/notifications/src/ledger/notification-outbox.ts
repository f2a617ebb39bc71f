import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@roundtable/platform';
import type { Queue } from 'bullmq';
import type { DueNotification } from './notification-ledger';
import {
  NOTIFICATION_JOBS,
  NOTIFICATIONS_QUEUE,
  SEND_JOB_OPTIONS,
  type SendNotificationJob,
} from './notification-jobs';

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
  ) {}

  async enqueue(rows: DueNotification[], requestId?: string): Promise<void> {
    if (rows.length === 0) return;
    const now = this.clock.now().getTime();
    try {
      await this.queue.addBulk(
        rows.map((row) => ({
          name: NOTIFICATION_JOBS.send,
          data: { notificationId: row.id, ...(requestId && { requestId }) },
          // The row id is the job id: adding the same row twice while its job exists is a no-op.
          opts: { ...SEND_JOB_OPTIONS, jobId: row.id, delay: Math.max(0, row.sendAt.getTime() - now) },
        })),
      );
    } catch (error) {
      this.logger.warn(
        `Could not enqueue ${rows.length} notification(s); the sweeper will: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
}
