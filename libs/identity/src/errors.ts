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

export class PartnerUsersUnavailable extends FixedRefusal(
  'invalid',
  'partner-role-needs-partners',
  'role partner needs partner organisations, which are not available yet',
  { field: 'role' },
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
