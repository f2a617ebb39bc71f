import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS, NotificationLedger, type DueNotification } from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';

/**
 * Plans the messages about a partner organisation and its users' accounts in the caller's
 * transaction; the caller enqueues what it returns after commit (NotificationOutbox). Payloads
 * carry ids only: never a set-password token, which the worker rebuilds from its link's row.
 */
@Injectable()
export class PartnerMessages {
  constructor(
    private readonly ledger: NotificationLedger,
    private readonly clock: Clock,
  ) {}

  /**
   * Every active admin and organiser is told: any of them may approve (both roles run the
   * queue), and the office is small enough that a registration a week reaching everyone is
   * better than one reaching a shared inbox nobody reads.
   */
  planRegistered(
    manager: EntityManager,
    partnerId: string,
    staff: ReadonlyArray<{ id: string; email: string }>,
  ): Promise<DueNotification[]> {
    return this.ledger.plan(
      manager,
      staff.map((member) => ({
        kind: NOTIFICATION_KINDS.partnerRegistered,
        subjectType: 'partner' as const,
        subjectId: partnerId,
        registrationId: null,
        recipientEmail: member.email,
        sendAt: this.clock.now(),
        idempotencyKey: `partner-registered:${partnerId}:${member.id}`,
      })),
    );
  }

  /** The contact's approval, with the set-password link made for them in the same transaction. */
  planApproved(
    manager: EntityManager,
    partner: { id: string; contactEmail: string },
    passwordLinkId: string,
  ): Promise<DueNotification[]> {
    return this.ledger.plan(manager, [
      {
        kind: NOTIFICATION_KINDS.partnerApproved,
        subjectType: 'partner',
        subjectId: partner.id,
        registrationId: null,
        recipientEmail: partner.contactEmail,
        sendAt: this.clock.now(),
        idempotencyKey: `partner-approved:${partner.id}`,
        payload: { passwordLinkId },
      },
    ]);
  }

  planRejected(
    manager: EntityManager,
    partner: { id: string; contactEmail: string },
  ): Promise<DueNotification[]> {
    return this.ledger.plan(manager, [
      {
        kind: NOTIFICATION_KINDS.partnerRejected,
        subjectType: 'partner',
        subjectId: partner.id,
        registrationId: null,
        recipientEmail: partner.contactEmail,
        sendAt: this.clock.now(),
        idempotencyKey: `partner-rejected:${partner.id}`,
      },
    ]);
  }

  /** A user's set-password link (subject 'staff': the user's account, whatever their role). */
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
