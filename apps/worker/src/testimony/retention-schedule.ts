import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { RedisService } from '@roundtable/platform';
import { ERASE_EXPIRED_TESTIMONY_EVERY_MS, TESTIMONY_JOBS, TESTIMONY_QUEUE } from '@roundtable/testimony';
import type { Queue } from 'bullmq';
import { RecurringJobSchedule, type RecurringJob } from '../jobs/recurring-job-schedule';

/** The retention sweep as a recurring job (see RecurringJobSchedule): its scheduler id is the job name. */
@Injectable()
export class RetentionSchedule extends RecurringJobSchedule {
  constructor(
    @InjectQueue(TESTIMONY_QUEUE) queue: Queue,
    private readonly redis: RedisService,
  ) {
    super(queue);
    // Reconnect attempts while Redis is away are 'error's here too; the processor logs its own.
    queue.on('error', () => undefined);
  }

  protected job(): RecurringJob {
    return {
      jobName: TESTIMONY_JOBS.eraseExpired,
      everyMs: ERASE_EXPIRED_TESTIMONY_EVERY_MS,
      recheckEveryMs: ERASE_EXPIRED_TESTIMONY_EVERY_MS,
      label: 'the testimony retention schedule',
    };
  }

  // Modules start in no promised order, so this one too refuses to start when Redis is away,
  // rather than waiting on BullMQ's patient connection.
  protected override async beforeFirstUpsert(): Promise<void> {
    await this.redis.ping(5000);
  }
}
