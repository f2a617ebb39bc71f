import { Injectable, Logger } from '@nestjs/common';
import { hashSecretToken } from '@roundtable/platform';
import { DataSource, Not } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { CurrentPasswordNotRight, NewPasswordSameAsCurrent } from '../errors';
import { PasswordHasher } from '../password-hasher';
import { Session } from '../session.entity';
import { User } from '../user.entity';

/**
 * A signed-in user changes their own password. The current one is asked for (a session left
 * open is not enough to take the account), and every other session ends: whoever else knew the
 * old password is signed out, while the session that made the change carries on.
 */
@Injectable()
export class PasswordChanges {
  private readonly logger = new Logger(PasswordChanges.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async change(
    userId: string,
    sessionToken: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const sessionsEnded = await this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(User)
        .createQueryBuilder('user')
        .addSelect('user.passwordHash')
        .where('user.id = :userId', { userId })
        .setLock('pessimistic_write')
        .getOne();
      if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
        throw new CurrentPasswordNotRight();
      }
      if (await this.hasher.verify(user.passwordHash, newPassword)) throw new NewPasswordSameAsCurrent();
      await manager.update(User, { id: userId }, { passwordHash: await this.hasher.hash(newPassword) });
      const ended = await manager.delete(Session, { userId, tokenHash: Not(hashSecretToken(sessionToken)) });
      await this.audit.record(
        {
          actorId: userId,
          action: 'password.change',
          subjectType: 'user',
          subjectId: userId,
          detail: { otherSessionsEnded: ended.affected ?? 0 },
        },
        manager,
      );
      return ended.affected ?? 0;
    });
    this.logger.log(`User ${userId} changed their password; ${sessionsEnded} other sessions ended`);
  }
}
