import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import {
  ALERT_LATE_ACCESS_TASKS_EVERY_MS,
  NOTIFICATION_JOBS,
  NOTIFICATIONS_QUEUE,
} from '@roundtable/notifications';
import type { Queue } from 'bullmq';
import { RecurringJobSchedule, type RecurringJob } from '../jobs/recurring-job-schedule';

/**
 * The late-access-task check as a recurring job (see RecurringJobSchedule). SweepSchedule, which
 * starts first, has already checked that Redis answers.
 */
@Injectable()
export class LateAccessTasksSchedule extends RecurringJobSchedule {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) queue: Queue) {
    super(queue);
  }

  protected job(): RecurringJob {
    return {
      jobName: NOTIFICATION_JOBS.alertLateAccessTasks,
      everyMs: ALERT_LATE_ACCESS_TASKS_EVERY_MS,
      recheckEveryMs: 5 * 60_000,
      label: 'the late access task schedule',
    };
  }
}
