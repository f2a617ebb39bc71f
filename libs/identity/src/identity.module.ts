import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@roundtable/notifications';
import { AccountMessages } from './accounts/account-messages';
import { PasswordChanges } from './accounts/password-changes.service';
import { PasswordResets } from './accounts/password-resets.service';
import { StaffAccounts } from './accounts/staff-accounts.service';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLog } from './audit/audit-log.service';
import { PasswordLink } from './password-links/password-link.entity';
import { passwordLinkKeysProvider, PasswordLinkKeys } from './password-links/password-link-keys';
import { PasswordLinks } from './password-links/password-links.service';
import { PasswordHashCost, PasswordHasher } from './password-hasher';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';
import { SignInFailures } from './sign-in-failures';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, AuditEntry, PasswordLink]), NotificationsModule],
  providers: [
    AuditLog,
    UsersService,
    SessionsService,
    PasswordHashCost,
    PasswordHasher,
    SignInFailures,
    passwordLinkKeysProvider,
    PasswordLinks,
    AccountMessages,
    StaffAccounts,
    PasswordResets,
    PasswordChanges,
  ],
  exports: [
    AuditLog,
    UsersService,
    SessionsService,
    PasswordLinkKeys,
    PasswordLinks,
    StaffAccounts,
    PasswordResets,
    PasswordChanges,
  ],
})
export class IdentityModule {}
