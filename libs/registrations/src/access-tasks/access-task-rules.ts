import type { AccessTask } from './access-task.entity';

/**
 * A task is late when it is still open after its due date: staff have not arranged it in time,
 * and the attendee may not be able to take part. Arranged and cancelled tasks are never late.
 */
export function isLate(task: Pick<AccessTask, 'status' | 'dueAt'>, now: Date): boolean {
  return task.status === 'open' && task.dueAt.getTime() < now.getTime();
}

const DAY_MS = 86_400_000;

/** How long before the event a need must be arranged by default: time to book an interpreter. */
export const ACCESS_TASK_LEAD_DAYS = 14;

/** The most time a late registrant's needs are given, when the usual lead time has already gone. */
const LATE_REGISTRATION_GRACE_MS = 3 * DAY_MS;

/**
 * When a need must be arranged by: 14 days before the event. Someone who registers later than
 * that still needs their interpreter, but a task due the moment it is made would be "late" at
 * once and alert staff for nothing they could have done: it gets half the time left, at most
 * three days, so it is still due well before the event.
 */
export function accessTaskDueAt(startsAt: Date, now: Date): Date {
  const usual = startsAt.getTime() - ACCESS_TASK_LEAD_DAYS * DAY_MS;
  if (usual >= now.getTime()) return new Date(usual);
  const left = Math.max(0, startsAt.getTime() - now.getTime());
  return new Date(now.getTime() + Math.min(LATE_REGISTRATION_GRACE_MS, left / 2));
}
