import { DomainError, FixedRefusal, ruleBroken, type RuleBroken } from '@roundtable/platform';
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

// ---- Co-hosting ----

/** A partnerId in the input that names no partner organisation (bad input, not a missing page). */
export function unknownPartner(partnerId: string): RuleBroken {
  return ruleBroken(
    'partner-exists',
    `partnerId ${partnerId} does not match any partner organisation: choose one from GET /api/v1/partners?status=approved`,
    'partnerId',
    { partnerId },
  );
}

/** Only organisations staff approved may be named on an event. */
export function partnerNotApproved(partner: { id: string; name: string; status: string }): RuleBroken {
  return ruleBroken(
    'cohost-approved-partner',
    `"${partner.name}" is ${partner.status}, not approved: only approved partner organisations can co-host (approve it first)`,
    'partnerId',
    { partnerId: partner.id, status: partner.status },
  );
}

export class NotACohost extends DomainError {
  constructor(
    readonly eventId: string,
    readonly partnerId: string,
  ) {
    super('not-found', 'cohost-exists', `partner ${partnerId} does not co-host event ${eventId}`, {
      data: { eventId, partnerId },
    });
  }
}

export class CohostRequestNotFound extends DomainError {
  constructor(readonly requestId: string) {
    super('not-found', 'cohost-request-exists', `no co-host request with id ${requestId}`, {
      data: { requestId },
    });
  }
}

/** A request is answered once: accepting or declining it again would tell the partner twice. */
export class CohostRequestAlreadyDecided extends DomainError {
  constructor(
    readonly requestId: string,
    readonly status: string,
  ) {
    super(
      'conflict',
      'decide-cohost-request-once',
      `this co-host request was already ${status}: it can be answered only once`,
      { data: { requestId, status } },
    );
  }
}

/** Partners ask about events they can see: published ones (drafts do not exist for them). */
export class CohostEventNotFound extends DomainError {
  constructor(readonly eventId: string) {
    super(
      'not-found',
      'cohost-event-published',
      `no published event with id ${eventId}: choose one from your list of events you could co-host`,
      { field: 'eventId', data: { eventId } },
    );
  }
}

export class CohostEventNotOpen extends DomainError {
  constructor(
    readonly eventId: string,
    readonly why: 'cancelled' | 'started',
  ) {
    super(
      'conflict',
      'cohost-future-event',
      why === 'cancelled'
        ? 'this event is cancelled: you can ask to co-host only events that are still going ahead'
        : 'this event has already started: you can ask to co-host only events still to come',
      { field: 'eventId', data: { eventId, why } },
    );
  }
}

export class AlreadyCohosting extends DomainError {
  constructor(readonly eventId: string) {
    super('conflict', 'ask-when-not-cohosting', 'your organisation already co-hosts this event', {
      field: 'eventId',
      data: { eventId },
    });
  }
}

export class CohostRequestPending extends DomainError {
  constructor(readonly eventId: string) {
    super(
      'conflict',
      'one-pending-cohost-request',
      'your organisation has already asked to co-host this event and staff have not answered yet: wait for their answer',
      { field: 'eventId', data: { eventId } },
    );
  }
}

/** A partner user whose organisation is not (or no longer) approved cannot act for it. */
export class PartnerNotActive extends FixedRefusal(
  'forbidden',
  'partner-approved',
  'your organisation is not an approved partner, so it cannot ask to co-host events',
) {}

// ---- The partner portal ----

/**
 * A partner asked about an event it does not co-host: answered as if there were no such event,
 * so a partner cannot tell another organisation's events (or drafts) from ids that do not exist.
 */
export class EventNotCohosted extends DomainError {
  constructor(readonly eventId: string) {
    super('not-found', 'cohosted-event', `no event ${eventId} among the events your organisation co-hosts`, {
      data: { eventId },
    });
  }
}

export class CalendarFeedNotFound extends FixedRefusal(
  'not-found',
  'calendar-feed',
  'this calendar feed does not exist or was turned off: ask your organisation for its new address',
) {}

export class NotAPartnerUser extends DomainError {
  constructor(readonly userId: string) {
    super('forbidden', 'partner-user', 'this needs a user of a partner organisation', {
      data: { userId },
    });
  }
}
