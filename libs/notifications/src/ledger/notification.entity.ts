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

/** Plain JSON values only: a payload names things, it never carries personal data. */
export type NotificationPayload = Record<string, string | number | boolean | null | string[]>;

/**
 * The outbox and the delivery ledger in one: a row per recipient and message, written in the
 * same transaction as the change people must hear about. The database, not Redis, is the truth:
 * a job carries only this row's id, and the worker sends only while the row is pending and still
 * current (its event_sequence matches the event's).
 */
@Entity('notifications')
@Check('notifications_status_known', `"status" IN ('pending', 'sending', 'sent', 'failed', 'superseded')`)
@Index('notifications_due', ['status', 'sendAt'])
@Index('notifications_event', ['eventId', 'createdAt'])
// The public "send me my link" limits count these by address (see ManageLinkRequests).
@Index('notifications_link_sends', ['recipientEmail', 'createdAt'], { where: `"kind" = 'manage-link'` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Which message: invitation, confirmation, waitlisted, promoted, update, cancellation, reminder… */
  @Column({ type: 'text' })
  kind: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: false })
  event?: EventEntity;

  @Column({ type: 'uuid' })
  eventId: string;

  /**
   * No foreign key: the delivery record is kept when a registration is erased (the recipient
   * address is then blanked by the erasure).
   */
  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;

  /** Personal data: shown to staff in the ledger, never logged. */
  @Column({ type: 'text' })
  recipientEmail: string;

  /** The event's SEQUENCE when this was planned; a later change makes the row stale. */
  @Column({ type: 'integer' })
  eventSequence: number;

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
