import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Clock, isUniqueViolation, normaliseEmail } from '@roundtable/platform';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import { AuditLog } from './audit/audit-log.service';
import type { CreateUserDto } from './dto/create-user.dto';
import {
  CannotDeactivateYourself,
  EmailTaken,
  LastActiveAdmin,
  NotAStaffUser,
  PartnerIdForPartnersOnly,
  PartnerUsersUnavailable,
  StaffUsersForAdmins,
  UserAlreadyDeactivated,
  UserNotDeactivated,
  UserNotFound,
} from './errors';
import { PasswordHasher } from './password-hasher';
import { STAFF_ROLES, type Role } from './role';
import { Session } from './session.entity';
import { User } from './user.entity';

/** Who is asking: their id for the audit log, their role for what they may do. */
export interface UserActor {
  id: string;
  role: User['role'];
}

/** A change to a staff user: either part may be left out. */
export interface StaffUserChange {
  role?: Role;
  name?: string;
}

export interface CreatedUser {
  user: User;
  /** Present only when the password was generated here: shown once, never stored in clear. */
  initialPassword?: string;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * A staff user. Partner users belong to an approved partner, which identity cannot check: they
   * are added with createPartnerUser, through libs/partners. `actor` is who asked (audited);
   * none for the configured first admin.
   */
  async create(input: CreateUserDto, actor?: UserActor): Promise<CreatedUser> {
    if (input.role === 'partner') throw new PartnerUsersUnavailable();
    if (actor && actor.role !== 'admin') throw new StaffUsersForAdmins();
    if (input.partnerId) throw new PartnerIdForPartnersOnly();
    const email = normaliseEmail(input.email);
    const initialPassword = input.password ? undefined : randomBytes(12).toString('base64url');
    const passwordHash = await this.hasher.hash(input.password ?? initialPassword!);
    const user = await this.users.manager.transaction(async (manager) => {
      const created = await this.insert(manager, {
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        partnerId: null,
      });
      if (actor) await this.recordCreated(manager, actor, created);
      return created;
    });
    this.logger.log(`Created ${user.role} user ${user.id}`);
    return { user, initialPassword };
  }

  /**
   * A staff user with no password yet, in the caller's transaction: they set one from an emailed
   * link the caller issues and plans (StaffAccounts). Admins only, audited.
   */
  async createStaffWithoutPassword(
    manager: EntityManager,
    input: { email: string; name: string; role: Role },
    actor: UserActor,
  ): Promise<User> {
    if (!STAFF_ROLES.includes(input.role)) throw new NotAStaffUser();
    if (actor.role !== 'admin') throw new StaffUsersForAdmins();
    const user = await this.insert(manager, {
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      passwordHash: null,
      partnerId: null,
    });
    await this.recordCreated(manager, actor, user);
    this.logger.log(`Created ${user.role} user ${user.id}, to set a password from a link`);
    return user;
  }

  /**
   * A partner user with no password yet (they set one from an emailed link), in the caller's
   * transaction. The caller has checked the partner is approved, and plans the link's email.
   */
  async createPartnerUser(
    manager: EntityManager,
    input: { email: string; name: string; partnerId: string },
    actor: UserActor,
  ): Promise<User> {
    const user = await this.insert(manager, {
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      role: 'partner',
      passwordHash: null,
      partnerId: input.partnerId,
    });
    await this.recordCreated(manager, actor, user);
    this.logger.log(`Created partner user ${user.id} for partner ${input.partnerId}`);
    return user;
  }

  /**
   * Deactivates a user: sign-in is refused from now on and every session ends in the same
   * transaction, so their token stops working at once. Admins deactivate anyone but themselves;
   * organisers only partner users.
   */
  async deactivate(userId: string, actor: UserActor): Promise<User> {
    const deactivated = await this.users.manager.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new UserNotFound(userId);
      if (STAFF_ROLES.includes(user.role) && actor.role !== 'admin') throw new StaffUsersForAdmins();
      if (user.id === actor.id) throw new CannotDeactivateYourself();
      if (user.deactivatedAt) throw new UserAlreadyDeactivated();
      user.deactivatedAt = this.clock.now();
      await manager.update(User, { id: userId }, { deactivatedAt: user.deactivatedAt });
      const sessions = await manager.delete(Session, { userId });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.deactivate',
          subjectType: 'user',
          subjectId: userId,
          detail: { role: user.role, sessionsEnded: sessions.affected ?? 0 },
        },
        manager,
      );
      return user;
    });
    this.logger.log(`Deactivated ${deactivated.role} user ${deactivated.id}`);
    return deactivated;
  }

  /**
   * Lets a deactivated user sign in again (with the password they had; a reset link works too).
   * The same people may do it as may deactivate: admins for staff, staff for partner users.
   */
  async reactivate(userId: string, actor: UserActor): Promise<User> {
    const reactivated = await this.users.manager.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new UserNotFound(userId);
      if (STAFF_ROLES.includes(user.role) && actor.role !== 'admin') throw new StaffUsersForAdmins();
      if (!user.deactivatedAt) throw new UserNotDeactivated();
      user.deactivatedAt = null;
      await manager.update(User, { id: userId }, { deactivatedAt: null });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.reactivate',
          subjectType: 'user',
          subjectId: userId,
          detail: { role: user.role },
        },
        manager,
      );
      return user;
    });
    this.logger.log(`Reactivated ${reactivated.role} user ${reactivated.id}`);
    return reactivated;
  }

  /**
   * Changes a staff user's role (admin or organiser) or name; admins only. One active admin must
   * always remain, so demoting the last one is refused; the active admins are locked while this
   * is checked, so two demotions at once cannot both pass. A role change counts on the user's
   * next request: sessions read the role afresh each time.
   */
  async updateStaff(userId: string, change: StaffUserChange, actor: UserActor): Promise<User> {
    if (actor.role !== 'admin') throw new StaffUsersForAdmins();
    if (change.role !== undefined && !STAFF_ROLES.includes(change.role)) throw new NotAStaffUser();
    const updated = await this.users.manager.transaction(async (manager) => {
      const activeAdmins: Array<{ id: string }> = await manager.query(
        `SELECT id FROM users WHERE role = 'admin' AND deactivated_at IS NULL ORDER BY id FOR UPDATE`,
      );
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new UserNotFound(userId);
      if (!STAFF_ROLES.includes(user.role)) throw new NotAStaffUser();
      const from = { role: user.role, name: user.name };
      const demoting = change.role !== undefined && change.role !== 'admin' && user.role === 'admin';
      if (demoting && !user.deactivatedAt && activeAdmins.every((admin) => admin.id === user.id)) {
        throw new LastActiveAdmin();
      }
      if (change.role !== undefined) user.role = change.role;
      if (change.name !== undefined) user.name = change.name.trim();
      if (user.role === from.role && user.name === from.name) return user;
      await manager.update(User, { id: userId }, { role: user.role, name: user.name });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.update',
          subjectType: 'user',
          subjectId: userId,
          // Ids and roles only: a name is personal data, so only whether it changed.
          detail: {
            ...(user.role !== from.role && { fromRole: from.role, toRole: user.role }),
            ...(user.name !== from.name && { nameChanged: true }),
          },
        },
        manager,
      );
      return user;
    });
    this.logger.log(`Updated staff user ${updated.id} (role ${updated.role})`);
    return updated;
  }

  /** The office's staff accounts (admins and organisers, active or not), by name. */
  async listStaff(page: { limit: number; offset: number }): Promise<{ items: User[]; total: number }> {
    const [items, total] = await this.users.findAndCount({
      where: STAFF_ROLES.map((role) => ({ role })),
      order: { name: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  /** An active user by email address (any role), e.g. to send a password reset; null otherwise. */
  findActiveByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normaliseEmail(email), deactivatedAt: IsNull() });
  }

  /** A partner's users, oldest first. */
  listForPartner(partnerId: string): Promise<User[]> {
    return this.users.find({ where: { partnerId }, order: { createdAt: 'ASC' } });
  }

  /** The office's active staff (admins and organisers), e.g. to tell them a partner registered. */
  activeStaff(manager?: EntityManager): Promise<User[]> {
    const repository = manager ? manager.getRepository(User) : this.users;
    return repository.find({
      where: STAFF_ROLES.map((role) => ({ role, deactivatedAt: IsNull() })),
      order: { createdAt: 'ASC' },
    });
  }

  private async insert(
    manager: EntityManager,
    values: Pick<User, 'email' | 'name' | 'role' | 'partnerId'> & { passwordHash: string | null },
  ): Promise<User> {
    try {
      // A savepoint, so a refused insert leaves the caller's transaction usable.
      return await manager.transaction((inner) => inner.save(inner.create(User, values)));
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTaken(values.email);
      throw error;
    }
  }

  private recordCreated(manager: EntityManager, actor: UserActor, user: User): Promise<void> {
    return this.audit.record(
      {
        actorId: actor.id,
        action: 'user.create',
        subjectType: 'user',
        subjectId: user.id,
        detail: { role: user.role, ...(user.partnerId && { partnerId: user.partnerId }) },
      },
      manager,
    );
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Users' names by id (deactivated ones too), e.g. to say which member of staff did something. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.users.find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  /** The only read that loads the password hash. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  /**
   * Makes sure the configured first admin exists. An existing account is left as it is, so a
   * password changed later is not reset by a restart.
   */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const existing = await this.users.findOneBy({ email: normaliseEmail(email) });
    if (existing) return;
    try {
      await this.create({ email, password, name: 'Administrator', role: 'admin' });
    } catch (error) {
      // Another process starting at the same moment created it first.
      if (!(error instanceof EmailTaken)) throw error;
    }
  }
}
