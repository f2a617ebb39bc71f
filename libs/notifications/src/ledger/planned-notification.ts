import type { NotificationKind } from './notification-kinds';
import type { NotificationPayload, NotificationSubjectType } from './notification.entity';

interface PlannedMessage {
  kind: NotificationKind;
  registrationId: string | null;
  recipientEmail: string;
  sendAt: Date;
  /**
   * Unique across the ledger: the same logical message planned twice is written once, e.g.
   * `confirmation:<registrationId>:<sequence>` or `reminder:<registrationId>:<sequence>:P1D`.
   */
  idempotencyKey: string;
  payload?: NotificationPayload;
}

/** A message about an event: its subject is the event, checked against its SEQUENCE when sent. */
export interface PlannedEventNotification extends PlannedMessage {
  subjectType?: 'event';
  eventId: string;
  eventSequence: number;
}

/** A message about something that is not an event (a partner, a testimony, a staff account). */
export interface PlannedSubjectNotification extends PlannedMessage {
  subjectType: Exclude<NotificationSubjectType, 'event'>;
  subjectId: string;
  eventId?: undefined;
  eventSequence?: undefined;
}

/** One message to one person, as the change that causes it plans it. */
export type PlannedNotification = PlannedEventNotification | PlannedSubjectNotification;

/** The subject a planned row is written with: an event's own id, or the subject it names. */
export function plannedSubject(planned: PlannedNotification): {
  subjectType: NotificationSubjectType;
  subjectId: string;
} {
  return planned.eventId === undefined
    ? { subjectType: planned.subjectType, subjectId: planned.subjectId }
    : { subjectType: 'event', subjectId: planned.eventId };
}
