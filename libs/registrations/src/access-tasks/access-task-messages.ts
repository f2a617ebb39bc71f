import type { EventEntity } from '@roundtable/events';
import type { PlannedNotification } from '@roundtable/notifications';
import { createHash } from 'node:crypto';
import type { AccessTask } from './access-task.entity';
import type { Registration } from '../registrations/registration.entity';
import { addressOf } from '../registrations/registration-messages';
import { arrangedPhrase } from './access-need-phrases';

/**
 * The ledger rows access tasks write. Pure, like registration-messages.ts: the service calls
 * them inside its transaction.
 */

/**
 * Tells the attendee their need is arranged. One per task and event sequence, so a double click
 * or a retried request plans one message.
 */
export function accessArrangedNotification(
  task: AccessTask,
  registration: Registration,
  event: EventEntity,
  now: Date,
): PlannedNotification {
  return {
    kind: 'access-arranged',
    eventId: event.id,
    eventSequence: event.sequence,
    registrationId: registration.id,
    recipientEmail: addressOf(registration),
    sendAt: now,
    idempotencyKey: `access-arranged:${task.id}:${event.sequence}`,
    payload: {
      arranged: [arrangedPhrase(task.need)],
      ...(task.note && { note: task.note }),
    },
  };
}

/**
 * Tells staff that some of an event's tasks are late: one row for the lot. The key names the
 * tasks and the event's sequence, so the same set is never alerted twice whatever runs the check,
 * until the event moves: then the tasks have new due dates, and late by those is news again.
 */
export function lateAccessTasksNotification(
  event: { id: string; sequence: number },
  taskIds: readonly string[],
  recipientEmail: string,
  now: Date,
): PlannedNotification {
  const ids = [...taskIds].sort();
  const digest = createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32);
  return {
    kind: 'access-tasks-late',
    eventId: event.id,
    eventSequence: event.sequence,
    registrationId: null,
    recipientEmail,
    sendAt: now,
    idempotencyKey: `access-tasks-late:${event.id}:${event.sequence}:${digest}`,
    payload: { taskIds: ids },
  };
}
