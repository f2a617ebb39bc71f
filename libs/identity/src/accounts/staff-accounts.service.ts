import { Injectable } from '@nestjs/common';
import { NotificationOutbox } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { PasswordLinks } from '../password-links/password-links.service';
import type { Role } from '../role';
import type { User } from '../user.entity';
import { UsersService, type UserActor } from '../users.service';
import { AccountMessages } from './account-messages';

/**
 * Admins add staff without ever knowing their password: the new user is emailed a single-use,
 * expiring link to set their own (the same welcome a partner user gets).
 */
@Injectable()
export class StaffAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwordLinks: PasswordLinks,
    private readonly messages: AccountMessages,
    private readonly outbox: NotificationOutbox,
  ) {}

  async invite(input: { email: string; name: string; role: Role }, actor: UserActor): Promise<User> {
    const { user, due } = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.createStaffWithoutPassword(manager, input, actor);
      const link = await this.passwordLinks.issue(manager, user.id, 'welcome');
      return { user, due: await this.messages.planPasswordLink(manager, user, link.id) };
    });
    await this.outbox.enqueue(due);
    return user;
  }
}
