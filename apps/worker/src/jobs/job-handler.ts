import type { Job } from 'bullmq';

/** Runs one job name of a queue. Job data comes from Redis: each handler checks what it reads. */
export interface JobHandler {
  /** The name, from the queue's job registry, that this handler takes. */
  readonly jobName: string;
  handle(job: Job<unknown>): Promise<void>;
}

/**
 * The handlers of one queue by job name, or an error naming each job without exactly one
 * handler and each handler of a job the registry does not know (STYLE rule 8). Called while the
 * worker starts, so a job nobody would run stops the deploy instead of piling up in Redis.
 */
export function handlersByName(
  queue: string,
  jobNames: readonly string[],
  handlers: readonly JobHandler[],
): ReadonlyMap<string, JobHandler> {
  const problems: string[] = [];
  for (const name of jobNames) {
    const count = handlers.filter((handler) => handler.jobName === name).length;
    if (count !== 1) problems.push(`job "${name}" has ${count} handlers`);
  }
  for (const handler of handlers) {
    if (!jobNames.includes(handler.jobName)) {
      problems.push(
        `${handler.constructor.name} handles "${handler.jobName}", which the registry does not name`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(`Queue "${queue}": ${problems.join('; ')}. Every job needs exactly one handler.`);
  }
  return new Map(handlers.map((handler) => [handler.jobName, handler]));
}
