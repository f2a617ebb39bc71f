import { Injectable, Logger } from '@nestjs/common';
import { NOTIFICATION_KINDS, NotificationLedger, type DueNotification } from '@roundtable/notifications';
import { AppConfig, Clock } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';
import type { SafeguardingFlag } from '../testimonies/testimony-vocabulary';

/**
 * What the ledger row of a receipt holds instead of the author's address: the address is sealed
 * on the testimony, and the worker opens it when it sends (an erased testimony sends nothing).
 * So the notifications table never holds a testimony author's email in plain text.
 */
export const SEALED_AUTHOR_RECIPIENT = 'sealed:testimony-author';

/**
 * Plans the two messages about a testimony in the caller's transaction; the caller enqueues the
 * rows it returns after commit (NotificationOutbox). Job data and payloads carry ids only.
 */
@Injectable()
export class TestimonyMessages {
  private readonly logger = new Logger(TestimonyMessages.name);

  constructor(
    private readonly ledger: NotificationLedger,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The author's receipt with their private link: only when they gave an email. */
  planReceipt(manager: EntityManager, testimonyId: string): Promise<DueNotification[]> {
    return this.ledger.plan(manager, [
      {
        kind: NOTIFICATION_KINDS.testimonyReceipt,
        subjectType: 'testimony',
        subjectId: testimonyId,
        registrationId: null,
        recipientEmail: SEALED_AUTHOR_RECIPIENT,
        sendAt: this.clock.now(),
        idempotencyKey: `testimony-receipt:${testimonyId}`,
      },
    ]);
  }

  /**
   * The safeguarding lead's alert: to SAFEGUARDING_LEAD_EMAIL, else ADMIN_EMAIL. With neither
   * set the flag still stands on the testimony (staff see it in review) and a warning is logged.
   * One alert per testimony and kind of flag: raising a suggested flag alerts again, once.
   */
  async planSafeguardingAlert(
    manager: EntityManager,
    testimonyId: string,
    flag: SafeguardingFlag,
  ): Promise<DueNotification[]> {
    const lead = this.config.get('SAFEGUARDING_LEAD_EMAIL') ?? this.config.get('ADMIN_EMAIL');
    if (!lead) {
      this.logger.warn(
        `Testimony ${testimonyId} flagged (${flag}) but no alert planned: set SAFEGUARDING_LEAD_EMAIL`,
      );
      return [];
    }
    return this.ledger.plan(manager, [
      {
        kind: NOTIFICATION_KINDS.safeguardingAlert,
        subjectType: 'testimony',
        subjectId: testimonyId,
        registrationId: null,
        recipientEmail: lead,
        sendAt: this.clock.now(),
        idempotencyKey: `safeguarding-alert:${testimonyId}:${flag}`,
        payload: { flag },
      },
    ]);
  }
}
