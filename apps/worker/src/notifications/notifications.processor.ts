import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import {
  NOTIFICATION_JOBS,
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_WORKER_OPTIONS,
} from '@roundtable/notifications';
import { isSafeRequestId, RequestContext } from '@roundtable/platform';
import { UnrecoverableError, type Job } from 'bullmq';
import { handlersByName, type JobHandler } from '../jobs/job-handler';

/** Every handler of the notifications queue, gathered by the module. */
export const NOTIFICATION_JOB_HANDLERS = Symbol('NOTIFICATION_JOB_HANDLERS');

/**
 * The notifications queue's one BullMQ worker. It hands each job to the handler for its name,
 * and refuses to start unless every job in the registry has exactly one handler.
 */
@Processor(NOTIFICATIONS_QUEUE, NOTIFICATIONS_WORKER_OPTIONS)
export class NotificationsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly handlers: ReadonlyMap<string, JobHandler>;

  constructor(
    @Inject(NOTIFICATION_JOB_HANDLERS) handlers: JobHandler[],
    private readonly context: RequestContext,
  ) {
    super();
    this.handlers = handlersByName(NOTIFICATIONS_QUEUE, Object.values(NOTIFICATION_JOBS), handlers);
  }

  async process(job: Job<unknown>): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for the job "${job.name}"`);
    // Each job runs in a context of its own, carrying the id of the request that planned its row
    // (the outbox and the sweeper copy it onto the job), so every line it logs joins up with the
    // api's lines for that request.
    await this.context.run(requestIdOf(job.data), () => handler.handle(job));
  }

  /**
   * BullMQ reports trouble outside a job (Redis gone, a job's keys lost mid-run) as the worker's
   * `error` event; with no listener, Node treats it as an unhandled error. The ledger, not the
   * queue, is the truth, so it is logged (ids only, never payloads) and the sweeper recovers.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error(`Queue worker error: ${error.message}`);
  }

  /**
   * Closes the worker, letting jobs in flight finish, before anything they use shuts down:
   * @nestjs/bullmq closes workers in onApplicationShutdown, the same phase in which the database
   * and the SMTP pool close, so a send could otherwise lose its connection halfway.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}

/** Job data comes from Redis: a request id is taken only when it is one we could have made. */
function requestIdOf(data: unknown): string | null {
  const requestId = (data as { requestId?: unknown } | null)?.requestId;
  return isSafeRequestId(requestId) ? requestId : null;
}
