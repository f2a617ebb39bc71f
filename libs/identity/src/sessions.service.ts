import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, Clock, hashSecretToken, newSecretToken } from '@roundtable/platform';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { CredentialsNotRight } from './errors';
import { PasswordHasher } from './password-hasher';
import { Session } from './session.entity';
import { SignInFailures } from './sign-in-failures';
import { User } from './user.entity';
import { UsersService } from './users.service';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly failures: SignInFailures,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Throws 401 for a wrong address or password (the same for both), and 429 once the address has
   * had too many failures (see SignInFailures), whatever the password.
   */
  async signIn(email: string, password: string): Promise<SignedIn> {
    await this.failures.countAttempt(email);
    const user = await this.users.findForSignIn(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    // A deactivated user is refused as a wrong password is: nothing says the account exists.
    if (!user || !valid || user.deactivatedAt) {
      throw new CredentialsNotRight();
    }
    await this.failures.forgive(email);
    const token = newSecretToken('rts');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.get('SESSION_TTL_HOURS') * 3_600_000);
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(now) });
    await this.sessions.insert({ tokenHash: hashSecretToken(token), userId: user.id, expiresAt });
    await this.sessions.manager.update(User, { id: user.id }, { lastSignedInAt: now });
    user.lastSignedInAt = now;
    delete (user as Partial<User>).passwordHash;
    return { token, expiresAt, user };
  }

  /** The user behind a bearer token, or null when it is unknown or expired. */
  async authenticate(token: string): Promise<User | null> {
    const session = await this.sessions.findOne({
      where: { tokenHash: hashSecretToken(token), expiresAt: MoreThan(this.clock.now()) },
      relations: { user: true },
    });
    // Deactivation deletes the sessions too; this also covers a session made in the same instant.
    return session?.user && !session.user.deactivatedAt ? session.user : null;
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashSecretToken(token) });
  }
}
