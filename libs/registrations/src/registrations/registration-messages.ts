import type { EventEntity } from '@roundtable/events';
import type { NotificationKind, PlannedNotification } from '@roundtable/notifications';
import { Duration } from 'luxon';
import type { Registration } from './registration.entity';

/**
 * Which ledger rows a registration change writes. Pure: the service calls these inside its
 * transaction and hands the result to the ledger. Idempotency keys include the event's
 * sequence, so after a reschedule the same message kind can be planned again.
 */
type Recipient = Pick<Registration, 'id' | 'email' | 'calendarRevision'>;

/**
 * The address to write to. Only a walk-in may have none, and nothing plans a message for one
 * without it (they are attended, so no event change or reminder reaches them): reaching this
 * without an address is a bug, said so rather than sent to nobody.
 */
export function addressOf(registration: Pick<Registration, 'id' | 'email'>): string {
  if (registration.email === null)
    throw new Error(`Registration ${registration.id} has no email address: no message can be planned for it`);
  return registration.email;
}

/**
 * One row. The key holds the registration's calendar revision once it is above 0, so someone who
 * cancels and registers again at the same event sequence is sent their new messages too.
 */
export function planned(
  kind: NotificationKind,
  registration: Recipient,
  event: Pick<EventEntity, 'id' | 'sequence'>,
  sendAt: Date,
  extra: { key?: string; payload?: PlannedNotification['payload'] } = {},
): PlannedNotification {
  return {
    kind,
    eventId: event.id,
    eventSequence: event.sequence,
    registrationId: registration.id,
    recipientEmail: addressOf(registration),
    sendAt,
    idempotencyKey: [
      kind,
      registration.id,
      event.sequence,
      registration.calendarRevision > 0 ? `r${registration.calendarRevision}` : undefined,
      extra.key,
    ]
      .filter((part) => part !== undefined)
      .join(':'),
    payload: extra.payload,
  };
}

/**
 * No row carries the manage token: the worker derives each person's link when it sends (see
 * ManageLinks), so every message to a registration, planned now or weeks ahead, links to it.
 */
export function invitationMessages(
  registration: Recipient,
  event: EventEntity,
  now: Date,
): PlannedNotification[] {
  return [planned('invitation', registration, event, now)];
}

export function confirmationMessages(
  registration: Recipient,
  event: EventEntity,
  now: Date,
  options: { promoted?: boolean } = {},
): PlannedNotification[] {
  const first = planned(options.promoted ? 'promoted' : 'confirmation', registration, event, now);
  return [first, ...reminderMessages(registration, event, now)];
}

/**
 * The payload key of a waitlisted person's place in line (1 is next). A new public registration's
 * booking statement counts it and writes it into the row itself (RegistrationsRepository.book, or
 * book_registration).
 */
export const WAITLIST_POSITION = 'position';

export function waitlistedMessages(
  registration: Recipient,
  event: EventEntity,
  now: Date,
  options: { position?: number } = {},
): PlannedNotification[] {
  return [
    planned('waitlisted', registration, event, now, {
      payload: { ...(options.position && { [WAITLIST_POSITION]: options.position }) },
    }),
  ];
}

/**
 * One reminder per offset still in the future (a late registrant gets only the ones to come).
 * The worker links each to the person's manage page when it sends it.
 */
export function reminderMessages(
  registration: Recipient,
  event: Pick<EventEntity, 'id' | 'sequence' | 'startsAt' | 'reminderOffsets'>,
  now: Date,
): PlannedNotification[] {
  return event.reminderOffsets.flatMap((offset) => {
    const sendAt = new Date(event.startsAt.getTime() - Duration.fromISO(offset).as('milliseconds'));
    return sendAt > now
      ? [
          planned('reminder', registration, event, sendAt, {
            key: offset,
            payload: { offset },
          }),
        ]
      : [];
  });
}

/**
 * The person gave up their own place: their calendar item is cancelled. Plan it after raising
 * their calendar revision, so its SEQUENCE is above what their calendar holds.
 */
export function registrationCancelledMessages(
  registration: Recipient,
  event: Pick<EventEntity, 'id' | 'sequence'>,
  now: Date,
): PlannedNotification[] {
  return [planned('registration-cancelled', registration, event, now)];
}
