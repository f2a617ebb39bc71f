import { Injectable, Logger } from '@nestjs/common';
import { NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { Clock, normaliseEmail } from '@roundtable/platform';
import { DataSource, MoreThan } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { PasswordLink } from '../password-links/password-link.entity';
import { PasswordLinks } from '../password-links/password-links.service';
import { User } from '../user.entity';
import { AccountMessages } from './account-messages';

/** At most this many reset links a user an hour: more would be someone filling their inbox. */
export const RESETS_PER_HOUR = 3;

/**
 * "Forgot your password?": if an active user has the address, they are emailed a single-use,
 * expiring reset link (PasswordLinks, purpose 'reset'; the /password/:token page uses it, which
 * ends every session they had). The caller's answer is the same whatever happened, so nobody
 * learns whether an address has an account. Each link sent is audited, against the user's id.
 */
@Injectable()
export class PasswordResets {
  private readonly logger = new Logger(PasswordResets.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwordLinks: PasswordLinks,
    private readonly messages: AccountMessages,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Returns nothing, on purpose: whether a link went is not for the asker to know. */
  async request(email: string): Promise<void> {
    const due = await this.dataSource.transaction(async (manager): Promise<DueNotification[]> => {
      const user = await manager.findOne(User, {
        where: { email: normaliseEmail(email) },
        // One request at a time a user, so the hourly limit holds under parallel requests.
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || user.deactivatedAt) return [];
      const hourAgo = new Date(this.clock.now().getTime() - 3_600_000);
      const recent = await manager.count(PasswordLink, {
        where: { userId: user.id, purpose: 'reset', createdAt: MoreThan(hourAgo) },
      });
      if (recent >= RESETS_PER_HOUR) {
        this.logger.warn(`Reset link for user ${user.id} not sent: ${recent} in the last hour`);
        return [];
      }
      const link = await this.passwordLinks.issue(manager, user.id, 'reset');
      await this.audit.record(
        {
          actorId: null,
          action: 'password.reset-request',
          subjectType: 'user',
          subjectId: user.id,
          detail: { passwordLinkId: link.id },
        },
        manager,
      );
      this.logger.log(`Reset link ${link.id} issued for user ${user.id}`);
      return this.messages.planPasswordLink(manager, user, link.id);
    });
    await this.outbox.enqueue(due);
  }
}
