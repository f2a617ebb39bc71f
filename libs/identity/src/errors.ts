import { DomainError, FixedRefusal } from '@roundtable/platform';

/** The identity library's refusals. */

/** The same for a wrong address and a wrong password, so neither is revealed. */
export class CredentialsNotRight extends FixedRefusal(
  'unauthorised',
  'credentials-match',
  'The email address or password is not right',
) {}

export class EmailTaken extends DomainError {
  constructor(readonly email: string) {
    super('conflict', 'one-user-per-email', `a user with email ${email} already exists`, { field: 'email' });
  }
}

/** A partner user belongs to an approved partner: it is added through libs/partners, which checks it. */
export class PartnerUsersUnavailable extends FixedRefusal(
  'invalid',
  'partner-role-needs-partner',
  'role partner needs partnerId, the id of an approved partner organisation',
  { field: 'partnerId' },
) {}

export class PartnerIdForPartnersOnly extends FixedRefusal(
  'invalid',
  'partner-id-for-partners',
  'partnerId is only for partner users',
  { field: 'partnerId' },
) {}

/** An audit query whose `to` (exclusive) is not after its `from`: a range that can hold nothing. */
export class AuditRangeOutOfOrder extends DomainError {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super('invalid', 'audit-range-in-order', `to (${to}) must be after from (${from})`, {
      field: 'to',
      data: { from, to },
    });
  }
}
export class UserNotFound extends DomainError {
  constructor(readonly userId: string) {
    super('not-found', 'user-exists', `no user with id ${userId}`, { data: { userId } });
  }
}

export class UserAlreadyDeactivated extends FixedRefusal(
  'conflict',
  'deactivate-once',
  'this user is already deactivated',
) {}

/** Only admins add or deactivate staff users; organisers may do so for partner users. */
export class StaffUsersForAdmins extends FixedRefusal(
  'forbidden',
  'staff-users-by-admins',
  'only an admin can add or deactivate staff users (admin, organiser)',
) {}

/** Unknown, or not a set-password link at all: said the same, so tokens cannot be probed. */
export class PasswordLinkNotFound extends FixedRefusal(
  'not-found',
  'password-link-exists',
  'this set-password link is not right: check you copied the whole link from the email',
) {}

export class PasswordLinkUsed extends FixedRefusal(
  'gone',
  'password-link-once',
  'this set-password link has already been used: sign in with your password, or ask the office for a new link',
) {}

export class PasswordLinkExpired extends FixedRefusal(
  'gone',
  'password-link-in-time',
  'this set-password link has expired: ask the office for a new link',
) {}

/** Deactivating yourself would lock you out mid-task: another admin does it. */
export class CannotDeactivateYourself extends FixedRefusal(
  'forbidden',
  'not-own-account',
  'you cannot deactivate your own account: ask another admin to do it',
) {}

/** At least one active admin remains, so someone can always manage the staff accounts. */
export class LastActiveAdmin extends FixedRefusal(
  'conflict',
  'keep-one-admin',
  'this is the only active admin: make someone else an admin first',
  { field: 'role' },
) {}

/** Staff accounts are admins and organisers; partner users are managed with their partner. */
export class NotAStaffUser extends FixedRefusal(
  'invalid',
  'staff-accounts-only',
  'this is a partner user: manage it with its partner organisation, and give staff the role admin or organiser',
  { field: 'role' },
) {}

export class UserNotDeactivated extends FixedRefusal(
  'conflict',
  'reactivate-deactivated',
  'this user is active already',
) {}

/** Changing a password needs the current one, so a session left open cannot take over the account. */
export class CurrentPasswordNotRight extends FixedRefusal(
  'invalid',
  'current-password-matches',
  'currentPassword is not your current password',
  { field: 'currentPassword' },
) {}

export class NewPasswordSameAsCurrent extends FixedRefusal(
  'invalid',
  'new-password-differs',
  'newPassword must be different from your current password',
  { field: 'newPassword' },
) {}
