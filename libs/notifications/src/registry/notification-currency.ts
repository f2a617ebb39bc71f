import type { EventEntity } from '@roundtable/events';
import type { Notification } from '../ledger/notification.entity';
import { NOTIFICATION_REGISTRY, type NotificationKindEntry } from './notification-registry';

type Row = Pick<Notification, 'kind' | 'eventSequence' | 'recipientEmail'>;

/**
 * Why a claimed row about an event must not be sent now, or null when it is still current. Pure:
 * the worker reads the event and registration as they are when the job runs, which may be long
 * after the row was planned (a reminder) or after a retry. Whom each kind is for, and in which
 * state of the event, is its registry entry's: a message planned for someone whose status has
 * moved on since (a reminder for a place given up) would be wrong, so it is not sent.
 */
export function whyNotCurrent(
  row: Row,
  event: Pick<EventEntity, 'sequence' | 'status'>,
  registration: { status: string } | null,
  recipient: { unsubscribed: boolean } = { unsubscribed: false },
): string | null {
  const known = (NOTIFICATION_REGISTRY as Record<string, NotificationKindEntry | undefined>)[row.kind];
  if (known?.audience === 'staff') return whyStaffNotCurrent(event);
  // The rest is for messages to someone registered. Another audience's preparer (a partner's, a
  // testimony's) does not ask here: it says itself when its rows are stale.
  const entry = known?.audience === 'registration' ? known : undefined;
  if (event.sequence !== row.eventSequence) {
    return `the event changed since it was planned (sequence ${row.eventSequence}, now ${event.sequence})`;
  }
  if (event.status === 'draft') return 'the event is not published';
  const whileEvent = entry?.whileEvent ?? 'published';
  if (event.status === 'cancelled' && whileEvent !== 'cancelled') return 'the event is cancelled';
  if (event.status !== 'cancelled' && whileEvent === 'cancelled') return 'the event is not cancelled';
  // Erasure deletes the registration and blanks the address the row was planned for.
  if (!registration || row.recipientEmail.trim() === '') return 'the recipient has been erased';
  // Someone who unsubscribed after this was planned gets no more invitations (only invitations:
  // messages about a place they asked for are not marketing, and still go).
  if (entry?.skipsUnsubscribed && recipient.unsubscribed) return 'the recipient has unsubscribed';
  if (!entry) return null; // An unknown kind is the builder's to refuse, as a failure.
  if (!entry.forStatuses.includes(registration.status)) {
    return `a ${row.kind} is not for a registration that is ${registration.status}`;
  }
  return null;
}

/**
 * A message to staff has no registration, and a change of time or place does not make it stale
 * (late access needs are still late after a reschedule): only the event's status matters. Whether
 * what it is about still stands (the tasks still open) is the sender's to check.
 */
function whyStaffNotCurrent(event: Pick<EventEntity, 'status'>): string | null {
  if (event.status === 'draft') return 'the event is not published';
  if (event.status === 'cancelled') return 'the event is cancelled';
  return null;
}
