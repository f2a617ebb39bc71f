import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { NOTIFICATION_JOBS, NOTIFICATIONS_QUEUE, NotificationJobPolicy } from '@roundtable/notifications';
import { RedisService } from '@roundtable/platform';
import type { Queue } from 'bullmq';
import { RecurringJobSchedule, type RecurringJob } from '../jobs/recurring-job-schedule';

/**
 * How many sweep periods go by between checks that the scheduler is still in Redis. After a Redis
 * that restarted empty, messages planned while it was away wait for this check (a minute in
 * production): one idempotent upsert a minute per worker is cheap for that.
 */
const RECHECK_EVERY_PERIODS = 2;

/** The sweep, the net under lost jobs, as a recurring job (see RecurringJobSchedule). */
@Injectable()
export class SweepSchedule extends RecurringJobSchedule {
  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) queue: Queue,
    private readonly policy: NotificationJobPolicy,
    private readonly redis: RedisService,
  ) {
    super(queue);
    // While Redis is away every reconnect attempt is an 'error' on this queue too; the processor
    // already logs its own connection's, and with no listener BullMQ prints each one to stderr.
    queue.on('error', () => undefined);
  }

  protected job(): RecurringJob {
    return {
      jobName: NOTIFICATION_JOBS.sweep,
      everyMs: this.policy.sweep.everyMs,
      recheckEveryMs: this.policy.sweep.everyMs * RECHECK_EVERY_PERIODS,
      label: 'the sweep schedule',
    };
  }

  // BullMQ's connections retry for ever; this one fails fast, so a worker that cannot reach
  // Redis refuses to start instead of hanging here.
  protected override async beforeFirstUpsert(): Promise<void> {
    await this.redis.ping(5000);
  }
}
