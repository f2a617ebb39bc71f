export { AdminBootstrap } from './admin-bootstrap.service';
export { PasswordChanges } from './accounts/password-changes.service';
export { PasswordResets, RESETS_PER_HOUR } from './accounts/password-resets.service';
export { StaffAccounts } from './accounts/staff-accounts.service';
export { AUDIT_ACTIONS, type AuditAction } from './audit/audit-actions';
export { AuditEntry } from './audit/audit-entry.entity';
export { AuditLog, type AuditQuery, type AuditRecord } from './audit/audit-log.service';
export { CreateUserDto } from './dto/create-user.dto';
export {
  AuditRangeOutOfOrder,
  CannotDeactivateYourself,
  CredentialsNotRight,
  CurrentPasswordNotRight,
  LastActiveAdmin,
  NewPasswordSameAsCurrent,
  NotAStaffUser,
  EmailTaken,
  PartnerIdForPartnersOnly,
  PartnerUsersUnavailable,
  PasswordLinkExpired,
  PasswordLinkNotFound,
  PasswordLinkUsed,
  StaffUsersForAdmins,
  UserAlreadyDeactivated,
  UserNotDeactivated,
  UserNotFound,
} from './errors';
export { SetPasswordDto } from './dto/set-password.dto';
export { ChangePasswordDto } from './dto/change-password.dto';
export { PasswordResetRequestDto } from './dto/password-reset-request.dto';
export { UpdateUserDto } from './dto/update-user.dto';
export { PasswordLinkKeys, passwordLinkKeysProvider } from './password-links/password-link-keys';
export { PasswordLinks, type PasswordLinkFacts } from './password-links/password-links.service';
export { LoginDto } from './dto/login.dto';
export { IdentityModule } from './identity.module';
export {
  PasswordLink,
  PASSWORD_LINK_PURPOSES,
  type PasswordLinkPurpose,
} from './password-links/password-link.entity';
export { ROLES, STAFF_ROLES, type Role } from './role';

export { SessionsService, type SignedIn } from './sessions.service';
export { User } from './user.entity';
export { toUserView, type UserView } from './user.view';
export { UsersService, type CreatedUser, type StaffUserChange, type UserActor } from './users.service';
