import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  ALERT_LATE_ACCESS_TASKS_EVERY_MS,
  NOTIFICATION_JOBS,
  NOTIFICATIONS_QUEUE,
  type AlertLateAccessTasksJob,
} from '@roundtable/notifications';
import type { Queue } from 'bullmq';

/** How often to check the scheduler is still in Redis (it is lost with Redis's data). */
const RECHECK_EVERY_MS = 5 * 60_000;

/**
 * Registers the late-access-task check as a BullMQ Job Scheduler, as SweepSchedule does the
 * sweep: every worker upserts it, BullMQ runs each tick once across them all, and it is upserted
 * again now and then in case Redis lost it. (SweepSchedule has already checked Redis answers.)
 */
@Injectable()
export class LateAccessTasksSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LateAccessTasksSchedule.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<AlertLateAccessTasksJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.upsert();
    this.timer = setInterval(() => {
      this.upsert().catch((error: unknown) =>
        this.logger.warn(`Could not check the late access task schedule: ${(error as Error).message}`),
      );
    }, RECHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async upsert(): Promise<void> {
    await this.queue.upsertJobScheduler(
      NOTIFICATION_JOBS.alertLateAccessTasks,
      { every: ALERT_LATE_ACCESS_TASKS_EVERY_MS },
      {
        name: NOTIFICATION_JOBS.alertLateAccessTasks,
        data: {},
        opts: { removeOnComplete: true, removeOnFail: 50 },
      },
    );
  }
}
