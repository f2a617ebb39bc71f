import { EventEntity } from '@roundtable/events';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'superseded'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * What a message is about. Event messages are checked against the event's SEQUENCE when sent;
 * the other subjects (a partner's approval, a testimony receipt, a staff account) have no event.
 */
export const NOTIFICATION_SUBJECT_TYPES = ['event', 'partner', 'testimony', 'staff'] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECT_TYPES)[number];

/** Plain JSON values only: a payload names things, it never carries personal data. */
export type NotificationPayload = Record<string, string | number | boolean | null | string[]>;

/**
 * The outbox and the delivery ledger in one: a row per recipient and message, written in the
 * same transaction as the change people must hear about. The database, not Redis, is the truth:
 * a job carries only this row's id, and the worker sends only while the row is pending and still
 * current (for a message about an event: its event_sequence matches the event's).
 */
@Entity('notifications')
@Check('notifications_status_known', `"status" IN ('pending', 'sending', 'sent', 'failed', 'superseded')`)
@Check('notifications_subject_known', `"subject_type" IN ('event', 'partner', 'testimony', 'staff')`)
// A message about an event names it and the SEQUENCE it was planned at; the event is its subject.
@Check(
  'notifications_event_subject',
  `"subject_type" <> 'event' OR ("event_id" IS NOT NULL AND "event_sequence" IS NOT NULL AND "subject_id" = "event_id")`,
)
@Index('notifications_due', ['status', 'sendAt'])
@Index('notifications_subject', ['subjectType', 'subjectId', 'createdAt'])
@Index('notifications_event', ['eventId', 'createdAt'])
// The public "send me my link" limits count these by address (see ManageLinkRequests).
@Index('notifications_link_sends', ['recipientEmail', 'createdAt'], { where: `"kind" = 'manage-link'` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Which message: invitation, confirmation, waitlisted, promoted, update, cancellation, reminder… */
  @Column({ type: 'text' })
  kind: string;

  /** What the message is about: see NOTIFICATION_SUBJECT_TYPES. */
  @Column({ type: 'text' })
  subjectType: NotificationSubjectType;

  /** The id of the subject's row (for an event, the same as eventId). No foreign key: see below. */
  @Column({ type: 'uuid' })
  subjectId: string;

  /** Messages about an event go with it when it is deleted; other subjects have none. */
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: true })
  event?: EventEntity;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  /**
   * No foreign key: the delivery record is kept when a registration is erased (the recipient
   * address is then blanked by the erasure).
   */
  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;

  /** Personal data: shown to staff in the ledger, never logged. */
  @Column({ type: 'text' })
  recipientEmail: string;

  /**
   * The event's SEQUENCE when this was planned; a later change makes the row stale. Null for a
   * message about anything but an event.
   */
  @Column({ type: 'integer', nullable: true })
  eventSequence: number | null;

  @Column({ type: 'timestamptz' })
  sendAt: Date;

  @Column({ type: 'text', default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text', nullable: true })
  smtpMessageId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When a worker claimed it; a claim older than the lease is treated as lost and retried. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  /** Unique: planning the same message twice (a retried request, a double click) writes one row. */
  @Index('notifications_idempotency_key', { unique: true })
  @Column({ type: 'text' })
  idempotencyKey: string;

  /** What the message needs beyond the rows it names, e.g. the reminder offset or the old time. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: NotificationPayload;

  /** The request that caused it, so its logs and the job's can be joined up. */
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
