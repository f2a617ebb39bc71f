import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock, hashSecretToken } from '@roundtable/platform';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { PasswordLinkExpired, PasswordLinkNotFound, PasswordLinkUsed } from '../errors';
import { PasswordHasher } from '../password-hasher';
import { Session } from '../session.entity';
import { User } from '../user.entity';
import { PasswordLinkKeys } from './password-link-keys';
import { PasswordLink, type PasswordLinkPurpose } from './password-link.entity';

/** A reset link lasts at most this long (a welcome lasts PASSWORD_LINK_TTL_HOURS): it answers a request made now. */
export const RESET_LINK_TTL_HOURS = 2;

/** What the worker needs to email a set-password link, read as it is when the mail is made. */
export interface PasswordLinkFacts {
  linkId: string;
  purpose: PasswordLinkPurpose;
  user: { id: string; email: string; name: string; partnerId: string | null };
  expiresAt: Date;
  /** The rebuilt token, or why the link no longer stands (the message is then stale). */
  token: string | null;
  staleBecause: string | null;
}

/**
 * Single-use, expiring set-password links. The row keeps a nonce, the key id and the token's
 * hash (PasswordLinkKeys); the token is rebuilt only for the email. Using a link sets usedAt in
 * the same statement that checks it is unused, so two uses at once cannot both succeed.
 */
@Injectable()
export class PasswordLinks {
  private readonly logger = new Logger(PasswordLinks.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: PasswordLinkKeys,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A new link for the user, in the caller's transaction; the caller plans its email. */
  async issue(manager: EntityManager, userId: string, purpose: PasswordLinkPurpose): Promise<PasswordLink> {
    const { nonce, keyId, tokenHash } = this.keys.newSeed();
    const configured = this.config.get('PASSWORD_LINK_TTL_HOURS');
    const ttlMs = (purpose === 'reset' ? Math.min(configured, RESET_LINK_TTL_HOURS) : configured) * 3_600_000;
    const repository = manager.getRepository(PasswordLink);
    const link = repository.create({
      userId,
      purpose,
      nonce,
      keyId,
      tokenHash,
      expiresAt: new Date(this.clock.now().getTime() + ttlMs),
      usedAt: null,
    });
    return repository.save(link);
  }

  /** Sets the user's password from a link, once. Every session they had ends (a reset's point). */
  async setPassword(token: string, password: string): Promise<void> {
    const link = await this.usable(token);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const used: unknown[] = await manager.query(
        `UPDATE password_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`,
        [link.id, this.clock.now()],
      );
      // Another request used it between the read and here.
      if (this.affected(used) === 0) throw new PasswordLinkUsed();
      await manager.update(User, { id: link.userId }, { passwordHash });
      await manager.delete(Session, { userId: link.userId });
      await this.audit.record(
        {
          actorId: link.userId,
          action: 'password.set',
          subjectType: 'user',
          subjectId: link.userId,
          detail: { passwordLinkId: link.id, purpose: link.purpose },
        },
        manager,
      );
    });
    this.logger.log(`Password set for user ${link.userId} from link ${link.id}`);
  }

  /** The link behind a token if it can still be used; a typed refusal saying why not otherwise. */
  async usable(token: string): Promise<PasswordLink> {
    if (!this.keys.hasShape(token)) throw new PasswordLinkNotFound();
    const link = await this.dataSource
      .getRepository(PasswordLink)
      .findOne({ where: { tokenHash: hashSecretToken(token) }, relations: { user: true } });
    if (!link || this.keys.isRevoked(link.keyId) || link.user?.deactivatedAt)
      throw new PasswordLinkNotFound();
    if (link.usedAt) throw new PasswordLinkUsed();
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) throw new PasswordLinkExpired();
    return link;
  }

  /** For the worker: the link and its user, and whether it still stands. Null when it is gone. */
  async forMessage(linkId: string): Promise<PasswordLinkFacts | null> {
    const link = await this.dataSource
      .getRepository(PasswordLink)
      .findOne({ where: { id: linkId }, relations: { user: true } });
    if (!link?.user) return null;
    const staleBecause = link.usedAt
      ? 'the link was used'
      : link.expiresAt.getTime() <= this.clock.now().getTime()
        ? 'the link expired'
        : link.user.deactivatedAt
          ? 'the user was deactivated'
          : !this.keys.canDerive(link)
            ? 'the link was made under a key since taken out of LINK_KEYS'
            : null;
    return {
      linkId: link.id,
      purpose: link.purpose,
      user: {
        id: link.user.id,
        email: link.user.email,
        name: link.user.name,
        partnerId: link.user.partnerId,
      },
      expiresAt: link.expiresAt,
      token: staleBecause ? null : this.keys.tokenFor(link),
      staleBecause,
    };
  }

  /** Unused links of a user, newest first (staff see whether a welcome is still waiting). */
  pendingFor(userIds: readonly string[]): Promise<PasswordLink[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(PasswordLink).find({
      where: userIds.map((userId) => ({ userId, usedAt: IsNull() })),
      order: { createdAt: 'DESC' },
    });
  }

  private affected(result: unknown[]): number {
    // pg answers an UPDATE … RETURNING with [rows, count] through TypeORM's query().
    return Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length;
  }
}
