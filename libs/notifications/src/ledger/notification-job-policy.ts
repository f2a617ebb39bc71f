import { Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { SEND_JOB_OPTIONS, SWEEP_POLICY, type SweepPolicy } from './notification-jobs';

/**
 * The retry and sweep policy from the job registry, injected rather than imported so that a
 * test can shorten the backoff and the lease without waiting minutes of real time.
 */
@Injectable()
export class NotificationJobPolicy {
  readonly send: JobsOptions = SEND_JOB_OPTIONS;
  readonly sweep: SweepPolicy = SWEEP_POLICY;
}
