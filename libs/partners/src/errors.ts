import { DomainError, FixedRefusal } from '@roundtable/platform';
import { CHARITY_NUMBER_FORMATS } from './partners/charity-number';

/** The partners library's refusals. None names another organisation or its contact. */

export class PartnerNotFound extends DomainError {
  constructor(readonly partnerId: string) {
    super('not-found', 'partner-exists', `no partner organisation with id ${partnerId}`, {
      field: 'partnerId',
      data: { partnerId },
    });
  }
}

export class CharityNumberInvalid extends FixedRefusal(
  'invalid',
  'charity-number-format',
  `charityNumber is not a charity number: ${CHARITY_NUMBER_FORMATS}`,
  { field: 'charityNumber' },
) {}

/** Says only that the number is taken: never which organisation holds it, nor its contact. */
export class CharityNumberTaken extends FixedRefusal(
  'conflict',
  'one-partner-per-charity-number',
  'an organisation with this charity number is already registered: contact the office if you think this is wrong',
  { field: 'charityNumber' },
) {}

export class ContactEmailTaken extends FixedRefusal(
  'conflict',
  'one-partner-per-contact-email',
  'an organisation with this contact email is already registered: contact the office, or register with another contact',
  { field: 'contactEmail' },
) {}

export class PartnerAlreadyDecided extends DomainError {
  constructor(readonly status: string) {
    super(
      'conflict',
      'decide-pending-partners',
      `this partner organisation is already ${status}: only a pending one can be approved or rejected`,
      {
        data: { status },
      },
    );
  }
}

/** Users are added only to an approved organisation. */
export class PartnerNotApproved extends DomainError {
  constructor(readonly status: string) {
    super(
      'invalid',
      'users-for-approved-partners',
      `partnerId names an organisation that is ${status}: users can only be added to an approved partner`,
      {
        field: 'partnerId',
        data: { status },
      },
    );
  }
}
