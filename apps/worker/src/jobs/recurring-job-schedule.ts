import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** What a recurring job is: its name (also the scheduler's id), how often, and how it is said in logs. */
export interface RecurringJob {
  jobName: string;
  everyMs: number;
  /** How often to check that the scheduler is still in Redis. */
  recheckEveryMs: number;
  /** For the log line when that check fails, e.g. "the sweep schedule". */
  label: string;
}

/**
 * Registers a recurring job as a BullMQ Job Scheduler when the worker starts. Every worker does
 * so; the upsert is idempotent, and BullMQ runs each tick once across them all. The scheduler
 * lives in Redis, so a Redis that lost its data loses it too: it is upserted again every
 * `recheckEveryMs`, or the job would silently stop.
 */
export abstract class RecurringJobSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  protected constructor(private readonly queue: Queue) {}

  protected abstract job(): RecurringJob;

  /** Runs once before the first upsert, e.g. to refuse to start when Redis does not answer. */
  protected async beforeFirstUpsert(): Promise<void> {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beforeFirstUpsert();
    await this.upsert();
    const { recheckEveryMs, label } = this.job();
    this.timer = setInterval(() => {
      this.upsert().catch((error: unknown) =>
        this.logger.warn(`Could not check ${label}: ${(error as Error).message}`),
      );
    }, recheckEveryMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async upsert(): Promise<void> {
    const { jobName, everyMs } = this.job();
    await this.queue.upsertJobScheduler(
      jobName,
      { every: everyMs },
      {
        name: jobName,
        data: {},
        // A run that failed is simply run again at the next tick; keep a few for inspection.
        opts: { removeOnComplete: true, removeOnFail: 50 },
      },
    );
  }
}
