import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS, NotificationLedger, type DueNotification } from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';

/**
 * Plans a user's set-password email (a welcome or a reset) in the caller's transaction; the
 * caller enqueues what it returns after commit. The payload is the link's id only: the worker
 * rebuilds the token from the link's row (AccountNotificationPreparer).
 */
@Injectable()
export class AccountMessages {
  constructor(
    private readonly ledger: NotificationLedger,
    private readonly clock: Clock,
  ) {}

  planPasswordLink(
    manager: EntityManager,
    user: { id: string; email: string },
    passwordLinkId: string,
  ): Promise<DueNotification[]> {
    return this.ledger.plan(manager, [
      {
        kind: NOTIFICATION_KINDS.passwordLink,
        subjectType: 'staff',
        subjectId: user.id,
        registrationId: null,
        recipientEmail: user.email,
        sendAt: this.clock.now(),
        idempotencyKey: `password-link:${passwordLinkId}`,
        payload: { passwordLinkId },
      },
    ]);
  }
}
