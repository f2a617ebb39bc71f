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
