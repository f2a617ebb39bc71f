import { Injectable, Logger } from '@nestjs/common';
import {
  NOTIFICATION_JOBS,
  NotificationJobPolicy,
  NotificationLedger,
  NotificationOutbox,
} from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import type { JobHandler } from '../jobs/job-handler';

/**
 * The safety net under the outbox: rows are the truth and jobs only a way to run them, so every
 * sweep puts back on the queue the pending rows that are due (or nearly) and have no live job:
 * Redis lost them, the process died between commit and enqueue, or a worker died holding a claim
 * (its row is handed back once the lease is over).
 */
@Injectable()
export class NotificationSweeper implements JobHandler {
  readonly jobName = NOTIFICATION_JOBS.sweep;
  private readonly logger = new Logger(NotificationSweeper.name);

  constructor(
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly policy: NotificationJobPolicy,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const { horizonMs, leaseMs, batchSize } = this.policy.sweep;
    const due = await this.ledger.findDueForSweep(this.clock.now(), horizonMs, leaseMs, batchSize);
    if (due.length === 0) return;
    const requeued = await this.outbox.requeue(due);
    if (requeued > 0)
      this.logger.log(`Sweep put ${requeued} of ${due.length} due notification(s) back on the queue`);
  }
}
