import { Injectable, Logger } from '@nestjs/common';
import { NOTIFICATION_JOBS } from '@roundtable/notifications';
import { AppConfig } from '@roundtable/platform';
import { AccessTasksService } from '@roundtable/registrations';
import type { JobHandler } from '../jobs/job-handler';

/**
 * Tells staff about access needs still open after their due date: one email per event, to whoever
 * created it (else the office's own address), each task once. The work and its SQL are in
 * AccessTasksService; the email is a ledger row like any other, sent by the send job.
 */
@Injectable()
export class LateAccessTasksAlerter implements JobHandler {
  readonly jobName = NOTIFICATION_JOBS.alertLateAccessTasks;
  private readonly logger = new Logger(LateAccessTasksAlerter.name);
  private readonly officeEmail: string;

  constructor(
    private readonly accessTasks: AccessTasksService,
    config: AppConfig,
  ) {
    this.officeEmail = config.get('OFFICE_EMAIL');
  }

  async handle(): Promise<void> {
    const alerted = await this.accessTasks.alertLate(this.officeEmail);
    if (alerted > 0) this.logger.log(`Planned late access task alerts for ${alerted} event(s)`);
  }
}
