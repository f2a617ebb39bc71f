import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Clock, isUniqueViolation, normaliseEmail } from '@roundtable/platform';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import { AuditLog } from './audit/audit-log.service';
import type { CreateUserDto } from './dto/create-user.dto';
import {
  EmailTaken,
  PartnerIdForPartnersOnly,
  PartnerUsersUnavailable,
  StaffUsersForAdmins,
  UserAlreadyDeactivated,
  UserNotFound,
} from './errors';
import { PasswordHasher } from './password-hasher';
import { STAFF_ROLES } from './role';
import { Session } from './session.entity';
import { User } from './user.entity';

/** Who is asking: their id for the audit log, their role for what they may do. */
export interface UserActor {
  id: string;
  role: User['role'];
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
