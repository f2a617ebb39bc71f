import type { EventEntity } from '@roundtable/events';
import {
  isStaffNotificationKind,
  type AttendeeNotificationKind,
  type Notification,
} from '@roundtable/notifications';
import type { Registration, RegistrationStatus } from '@roundtable/registrations';

/**
 * Whom each kind is for, by the registration's status when it is sent. A message planned for
 * someone whose status has moved on since (a reminder for a place given up, a waitlisted notice
 * to someone already promoted) would be wrong, so it is not sent.
 */
const FOR_STATUSES: Record<AttendeeNotificationKind, readonly RegistrationStatus[]> = {
  invitation: ['invited'],
  confirmation: ['confirmed'],
  waitlisted: ['waitlisted'],
  promoted: ['confirmed'],
  // Someone invited holds the event in their calendar as well, awaiting their answer. Someone
  // waiting is told too (without a calendar part): they are still hoping for a place.
  update: ['confirmed', 'invited', 'waitlisted'],
  cancellation: ['confirmed', 'invited', 'waitlisted'],
  // Gave up their own place (cancelled, or declined after accepting): their calendar item goes.
  'registration-cancelled': ['cancelled', 'declined'],
  reminder: ['confirmed'],
  'access-arranged': ['confirmed'],
  // Their own link, wherever they stand: it changes nothing, and the wording follows the status.
  'manage-link': ['confirmed', 'waitlisted', 'attended', 'invited', 'declined', 'cancelled'],
};

type Row = Pick<Notification, 'kind' | 'eventSequence' | 'recipientEmail'>;

/**
 * Why a claimed row must not be sent now, or null when it is still current. Pure: the worker
 * reads the event and registration as they are when the job runs, which may be long after the
 * row was planned (a reminder) or after a retry.
 */
export function whyNotCurrent(
  row: Row,
  event: Pick<EventEntity, 'sequence' | 'status'>,
  registration: Pick<Registration, 'status'> | null,
  recipient: { unsubscribed: boolean } = { unsubscribed: false },
): string | null {
  if (isStaffNotificationKind(row.kind)) return whyStaffNotCurrent(event);
  if (event.sequence !== row.eventSequence) {
    return `the event changed since it was planned (sequence ${row.eventSequence}, now ${event.sequence})`;
  }
  if (event.status === 'draft') return 'the event is not published';
  if (event.status === 'cancelled' && row.kind !== 'cancellation') return 'the event is cancelled';
  if (event.status !== 'cancelled' && row.kind === 'cancellation') return 'the event is not cancelled';
  // Erasure deletes the registration and blanks the address the row was planned for.
  if (!registration || row.recipientEmail.trim() === '') return 'the recipient has been erased';
  // Someone who unsubscribed after this was planned gets no more invitations (only invitations:
  // messages about a place they asked for are not marketing, and still go).
  if (row.kind === 'invitation' && recipient.unsubscribed) return 'the recipient has unsubscribed';
  const statuses = (FOR_STATUSES as Record<string, readonly RegistrationStatus[] | undefined>)[row.kind];
  if (!statuses) return null; // An unknown kind is the renderer's to refuse, as a failure.
  if (!statuses.includes(registration.status)) {
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
