import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { RedisService } from '@roundtable/platform';
import type { Queue } from 'bullmq';
import { RecurringJobSchedule, type RecurringJob } from '../jobs/recurring-job-schedule';
import {
  ERASE_EXPIRED_REGISTRATIONS_EVERY_MS,
  REGISTRATION_JOBS,
  REGISTRATIONS_QUEUE,
} from './registration-jobs';

/** The registration retention sweep as a recurring job (see RecurringJobSchedule). */
@Injectable()
export class RegistrationRetentionSchedule extends RecurringJobSchedule {
  constructor(
    @InjectQueue(REGISTRATIONS_QUEUE) queue: Queue,
    private readonly redis: RedisService,
  ) {
    super(queue);
    // Reconnect attempts while Redis is away are 'error's here too; the processor logs its own.
    queue.on('error', () => undefined);
  }

  protected job(): RecurringJob {
    return {
      jobName: REGISTRATION_JOBS.eraseExpired,
      everyMs: ERASE_EXPIRED_REGISTRATIONS_EVERY_MS,
      recheckEveryMs: ERASE_EXPIRED_REGISTRATIONS_EVERY_MS,
      label: 'the registration retention schedule',
    };
  }

  // Modules start in no promised order: refuse to start when Redis is away, as the others do.
  protected override async beforeFirstUpsert(): Promise<void> {
    await this.redis.ping(5000);
  }
}
