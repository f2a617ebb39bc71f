import type { AccessTask } from '../access-task.entity';

/**
 * A task is late when it is still open after its due date: staff have not arranged it in time,
 * and the attendee may not be able to take part. Arranged and cancelled tasks are never late.
 */
export function isLate(task: Pick<AccessTask, 'status' | 'dueAt'>, now: Date): boolean {
  return task.status === 'open' && task.dueAt.getTime() < now.getTime();
}
