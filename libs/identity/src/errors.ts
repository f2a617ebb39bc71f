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
