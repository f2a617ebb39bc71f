import { Injectable } from '@nestjs/common';
import { PasswordLinks, UsersService, type User, type UserActor } from '@roundtable/identity';
import { NotificationOutbox } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { PartnerNotApproved, PartnerNotFound } from '../errors';
import { PartnerMessages } from './partner-messages';
import { Partner } from './partner.entity';

/**
 * Staff add users to an approved partner. A partner user never gets a password from staff: they
 * are emailed a single-use link to set their own, so no one else ever knows it.
 */
@Injectable()
export class PartnerUsers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwordLinks: PasswordLinks,
    private readonly messages: PartnerMessages,
    private readonly outbox: NotificationOutbox,
  ) {}

  async add(input: { email: string; name: string; partnerId: string }, actor: UserActor): Promise<User> {
    const { user, due } = await this.dataSource.transaction(async (manager) => {
      const partner = await manager.findOne(Partner, {
        where: { id: input.partnerId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!partner) throw new PartnerNotFound(input.partnerId);
      if (partner.status !== 'approved') throw new PartnerNotApproved(partner.status);
      const user = await this.users.createPartnerUser(manager, input, actor);
      const link = await this.passwordLinks.issue(manager, user.id, 'welcome');
      return { user, due: await this.messages.planPasswordLink(manager, user, link.id) };
    });
    await this.outbox.enqueue(due);
    return user;
  }
}
