import { Injectable } from '@nestjs/common';
import { TESTIMONY_JOBS, TestimonyImportsService, TestimonyRetention } from '@roundtable/testimony';
import type { JobHandler } from '../jobs/job-handler';

/**
 * The retention sweep's job: testimony past its period (TestimonyRetention has the work, its SQL
 * and its counts), then survey uploads left uncommitted past their day.
 */
@Injectable()
export class ExpiredTestimonyEraser implements JobHandler {
  readonly jobName = TESTIMONY_JOBS.eraseExpired;

  constructor(
    private readonly retention: TestimonyRetention,
    private readonly imports: TestimonyImportsService,
  ) {}

  async handle(): Promise<void> {
    await this.retention.eraseExpired();
    await this.imports.clearExpiredUploads();
  }
}
