import { Injectable } from '@nestjs/common';
import { TESTIMONY_JOBS, TestimonyRetention } from '@roundtable/testimony';
import type { JobHandler } from '../jobs/job-handler';

/** The retention sweep's job: the work, its SQL and its counts are in TestimonyRetention. */
@Injectable()
export class ExpiredTestimonyEraser implements JobHandler {
  readonly jobName = TESTIMONY_JOBS.eraseExpired;

  constructor(private readonly retention: TestimonyRetention) {}

  async handle(): Promise<void> {
    await this.retention.eraseExpired();
  }
}
