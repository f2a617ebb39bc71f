import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS, NotificationLedger, type DueNotification } from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';
import type { CohostRequest } from './cohost-request.entity';

/**
 * Plans the messages about a co-host request in the caller's transaction (audience 'cohost',
 * subject the partner, payload the request id); the caller enqueues what this returns after
 * commit. Staff are told it was asked; the partner's users are told the answer. Recipients are the
 * users active now; the worker checks again when it sends.
 */
@Injectable()
export class CohostRequestMessages {
  constructor(
    private readonly ledger: NotificationLedger,
    private readonly clock: Clock,
  ) {}

  /** To every active admin and organiser. */
  async planRequested(manager: EntityManager, request: CohostRequest): Promise<DueNotification[]> {
    const staff: Array<{ id: string; email: string }> = await manager.query(
      `SELECT id, email FROM users WHERE role IN ('admin', 'organiser') AND deactivated_at IS NULL`,
    );
    return this.plan(manager, request, NOTIFICATION_KINDS.cohostRequested, staff);
  }

  /** To every active user of the partner: accepted or declined. */
  async planAnswer(manager: EntityManager, request: CohostRequest): Promise<DueNotification[]> {
    const users: Array<{ id: string; email: string }> = await manager.query(
      `SELECT id, email FROM users WHERE role = 'partner' AND partner_id = $1 AND deactivated_at IS NULL`,
      [request.partnerId],
    );
    const kind =
      request.status === 'accepted' ? NOTIFICATION_KINDS.cohostAccepted : NOTIFICATION_KINDS.cohostDeclined;
    return this.plan(manager, request, kind, users);
  }

  private plan(
    manager: EntityManager,
    request: CohostRequest,
    kind: 'cohost-requested' | 'cohost-accepted' | 'cohost-declined',
    recipients: Array<{ id: string; email: string }>,
  ): Promise<DueNotification[]> {
    const now = this.clock.now();
    return this.ledger.plan(
      manager,
      recipients.map((user) => ({
        kind,
        subjectType: 'partner' as const,
        subjectId: request.partnerId,
        registrationId: null,
        recipientEmail: user.email,
        sendAt: now,
        idempotencyKey: `${kind}:${request.id}:${user.id}`,
        payload: { cohostRequestId: request.id },
      })),
    );
  }
}
