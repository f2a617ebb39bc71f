import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { REGISTRATION_JOBS, REGISTRATIONS_QUEUE, REGISTRATIONS_WORKER_OPTIONS } from './registration-jobs';
import { RegistrationRetention } from './registration-retention';

/** The registrations queue's BullMQ worker: one job, the retention sweep. */
@Processor(REGISTRATIONS_QUEUE, REGISTRATIONS_WORKER_OPTIONS)
export class RegistrationsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RegistrationsProcessor.name);

  constructor(private readonly retention: RegistrationRetention) {
    super();
  }

  async process(job: Job<unknown>): Promise<void> {
    if (job.name !== REGISTRATION_JOBS.eraseExpired)
      throw new UnrecoverableError(`no handler for the job "${job.name}"`);
    await this.retention.eraseExpired();
  }

  /** Trouble outside a job (Redis gone): logged, and the next tick of the schedule runs again. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error(`Registrations queue worker error: ${error.message}`);
  }

  /** Lets a sweep in flight finish its batch before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
