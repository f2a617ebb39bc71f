import { DomainError, FixedRefusal } from '@roundtable/platform';

/** The partners library's refusals, each naming its rule and the facts it was broken with. */

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
