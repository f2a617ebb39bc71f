import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  NOTIFICATION_JOBS,
  NOTIFICATIONS_QUEUE,
  NotificationJobPolicy,
  type SweepNotificationsJob,
} from '@roundtable/notifications';
import { RedisService } from '@roundtable/platform';
import type { Queue } from 'bullmq';

/**
 * How many sweep periods go by between checks that the scheduler is still in Redis. After a Redis
 * that restarted empty, messages planned while it was away wait for this check (a minute in
 * production): one idempotent upsert a minute per worker is cheap for that.
 */
const RECHECK_EVERY_PERIODS = 2;

/**
 * Registers the sweep as a BullMQ Job Scheduler when the worker starts. Every worker does so;
 * the upsert is idempotent, and BullMQ runs each tick once across them all. The scheduler lives
 * in Redis, so a Redis that lost its data loses it too: it is upserted again now and then, or the
 * net under lost jobs would itself be lost.
 */
@Injectable()
export class SweepSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepSchedule.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<SweepNotificationsJob>,
    private readonly policy: NotificationJobPolicy,
    private readonly redis: RedisService,
  ) {
    // While Redis is away every reconnect attempt is an 'error' on this queue too; the processor
    // already logs its own connection's, and with no listener BullMQ prints each one to stderr.
    this.queue.on('error', () => undefined);
  }

  async onApplicationBootstrap(): Promise<void> {
    // BullMQ's connections retry for ever; this one fails fast, so a worker that cannot reach
    // Redis refuses to start instead of hanging here.
    await this.redis.ping(5000);
    await this.upsert();
    this.timer = setInterval(() => {
      this.upsert().catch((error: unknown) =>
        this.logger.warn(`Could not check the sweep schedule: ${(error as Error).message}`),
      );
    }, this.policy.sweep.everyMs * RECHECK_EVERY_PERIODS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async upsert(): Promise<void> {
    await this.queue.upsertJobScheduler(
      NOTIFICATION_JOBS.sweep,
      { every: this.policy.sweep.everyMs },
      {
        name: NOTIFICATION_JOBS.sweep,
        data: {},
        // A sweep that failed is simply run again at the next tick; keep a few for inspection.
        opts: { removeOnComplete: true, removeOnFail: 50 },
      },
    );
  }
}
