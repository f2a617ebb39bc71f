import { Injectable, Logger } from '@nestjs/common';
import { AuditLog, PasswordLinks, UsersService, type UserActor } from '@roundtable/identity';
import { NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerAlreadyDecided, PartnerNotFound } from '../errors';
import { PartnerMessages } from './partner-messages';
import { Partner } from './partner.entity';

/**
 * Staff approve or reject a pending organisation, once. Approval makes the contact a partner
 * user with no password and emails them a single-use link to set one; rejection emails the
 * reason. Each decision is audited in the transaction that makes it.
 */
@Injectable()
export class PartnerDecisions {
  private readonly logger = new Logger(PartnerDecisions.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwordLinks: PasswordLinks,
    private readonly messages: PartnerMessages,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async approve(partnerId: string, actor: UserActor): Promise<Partner> {
    const { partner } = await this.decide(partnerId, async (manager, partner) => {
      partner.status = 'approved';
      await this.saveDecision(manager, partner, actor);
      const user = await this.users.createPartnerUser(
        manager,
        { email: partner.contactEmail, name: partner.contactName, partnerId: partner.id },
        actor,
      );
      const link = await this.passwordLinks.issue(manager, user.id, 'welcome');
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'partner.approve',
          subjectType: 'partner',
          subjectId: partner.id,
          detail: { userId: user.id },
        },
        manager,
      );
      return this.messages.planApproved(manager, partner, link.id);
    });
    this.logger.log(`Partner ${partner.id} approved by ${actor.id}`);
    return partner;
  }

  async reject(partnerId: string, reason: string, actor: UserActor): Promise<Partner> {
    const { partner } = await this.decide(partnerId, async (manager, partner) => {
      partner.status = 'rejected';
      partner.rejectionReason = reason;
      await this.saveDecision(manager, partner, actor);
      await this.audit.record(
        { actorId: actor.id, action: 'partner.reject', subjectType: 'partner', subjectId: partner.id },
        manager,
      );
      return this.messages.planRejected(manager, partner);
    });
    this.logger.log(`Partner ${partner.id} rejected by ${actor.id}`);
    return partner;
  }

  /** Locks the row so two decisions at once cannot both pass the pending check. */
  private async decide(
    partnerId: string,
    change: (manager: EntityManager, partner: Partner) => Promise<DueNotification[]>,
  ): Promise<{ partner: Partner; due: DueNotification[] }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const partner = await manager.findOne(Partner, {
        where: { id: partnerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!partner) throw new PartnerNotFound(partnerId);
      if (partner.status !== 'pending') throw new PartnerAlreadyDecided(partner.status);
      const due = await change(manager, partner);
      return { partner, due };
    });
    await this.outbox.enqueue(result.due);
    return result;
  }

  private async saveDecision(manager: EntityManager, partner: Partner, actor: UserActor): Promise<void> {
    partner.decidedById = actor.id;
    partner.decidedAt = this.clock.now();
    await manager.update(
      Partner,
      { id: partner.id },
      {
        status: partner.status,
        rejectionReason: partner.rejectionReason,
        decidedById: partner.decidedById,
        decidedAt: partner.decidedAt,
      },
    );
  }
}
