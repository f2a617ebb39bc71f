import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { isUniqueViolation, normaliseEmail } from '@roundtable/platform';
import { Repository } from 'typeorm';
import type { CreateUserDto } from './dto/create-user.dto';
import { EmailTaken, PartnerIdForPartnersOnly, PartnerUsersUnavailable } from './errors';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';

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
  ) {}

  async create(input: CreateUserDto): Promise<CreatedUser> {
    if (input.role === 'partner') {
      // Partner organisations arrive with partner registration; until then a partner user
      // would belong to nothing.
      throw new PartnerUsersUnavailable();
    }
    if (input.partnerId) throw new PartnerIdForPartnersOnly();
    const email = normaliseEmail(input.email);
    const initialPassword = input.password ? undefined : randomBytes(12).toString('base64url');
    const passwordHash = await this.hasher.hash(input.password ?? initialPassword!);
    try {
      await this.users.insert({
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        partnerId: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTaken(email);
      throw error;
    }
    const user = await this.users.findOneByOrFail({ email });
    this.logger.log(`Created ${user.role} user ${user.id}`);
    return { user, initialPassword };
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
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
