import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import { TESTIMONY_JOBS, TESTIMONY_QUEUE, TESTIMONY_WORKER_OPTIONS } from '@roundtable/testimony';
import { UnrecoverableError, type Job } from 'bullmq';
import { handlersByName, type JobHandler } from '../jobs/job-handler';

/** Every handler of the testimony queue, gathered by the module. */
export const TESTIMONY_JOB_HANDLERS = Symbol('TESTIMONY_JOB_HANDLERS');

/** The testimony queue's BullMQ worker: each job goes to the one handler for its name. */
@Processor(TESTIMONY_QUEUE, TESTIMONY_WORKER_OPTIONS)
export class TestimonyProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TestimonyProcessor.name);
  private readonly handlers: ReadonlyMap<string, JobHandler>;

  constructor(@Inject(TESTIMONY_JOB_HANDLERS) handlers: JobHandler[]) {
    super();
    this.handlers = handlersByName(TESTIMONY_QUEUE, Object.values(TESTIMONY_JOBS), handlers);
  }

  async process(job: Job<unknown>): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for the job "${job.name}"`);
    await handler.handle(job);
  }

  /** Trouble outside a job (Redis gone): logged, and the next tick of the schedule runs again. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error(`Testimony queue worker error: ${error.message}`);
  }

  /** Lets a sweep in flight finish its batch before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
