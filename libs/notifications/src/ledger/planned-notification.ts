import type { NotificationKind } from './notification-kinds';
import type { NotificationPayload } from './notification.entity';

/** One message to one person, as the change that causes it plans it. */
export interface PlannedNotification {
  kind: NotificationKind;
  eventId: string;
  eventSequence: number;
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
