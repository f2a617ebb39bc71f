import { DomainError, FixedRefusal, ruleBroken, type RuleBroken } from '@roundtable/platform';

/** The events library's refusals, each naming its rule and the facts it was broken with. */

export class EventNotFound extends DomainError {
  constructor(readonly eventId: string) {
    super('not-found', 'event-exists', `no event with id ${eventId}`, { data: { eventId } });
  }
}

/** Drafts do not exist as far as the public is concerned. */
export class PublishedEventNotFound extends DomainError {
  constructor(readonly eventId: string) {
    super('not-found', 'event-published', `no published event with id ${eventId}`, { data: { eventId } });
  }
}

export class EventCancelledUnchangeable extends FixedRefusal(
  'conflict',
  'cancelled-event-unchangeable',
  'this event is cancelled and can no longer be changed',
) {}

export class EventAlreadyCancelled extends FixedRefusal(
  'conflict',
  'cancel-once',
  'this event is already cancelled',
) {}

export class EventNotDraft extends DomainError {
  constructor(readonly status: string) {
    super('conflict', 'publish-a-draft', `this event is ${status}; only a draft can be published`, {
      data: { status },
    });
  }
}

export class EventStartedBeforePublishing extends FixedRefusal(
  'conflict',
  'publish-before-start',
  'this event has already started; move it to a future time before publishing',
) {}

export class CapacityBelowPlacesTaken extends DomainError {
  constructor(
    readonly capacity: number,
    readonly placesTaken: number,
  ) {
    super(
      'conflict',
      'capacity-covers-places-taken',
      `capacity ${capacity} is less than the ${placesTaken} places already taken; cancel registrations first`,
      { field: 'capacity', data: { capacity, placesTaken } },
    );
  }
}

/** The clashing event, when known; the database's exclusion constraint names none. */
export interface Clash {
  venueName: string;
  clashingEventId: string;
  clashingTitle: string;
  /** When the clashing event is on, in words (UK time). */
  when: string;
}

export class VenueClash extends DomainError {
  constructor(
    readonly venueId: string | null,
    readonly clash?: Clash,
  ) {
    super(
      'conflict',
      'venue-free',
      clash
        ? `${clash.venueName} is already booked for "${clash.clashingTitle}" (${clash.clashingEventId}), ${clash.when}`
        : 'the venue is already booked at that time',
      { field: 'venueId', data: { venueId, ...clash } },
    );
  }
}

export class VenueNotFound extends DomainError {
  constructor(readonly venueId: string) {
    super('not-found', 'venue-exists', `no venue with id ${venueId}`, { data: { venueId } });
  }
}

export class VenueCapacityBelowPlanned extends DomainError {
  constructor(
    readonly capacity: number,
    readonly event: { id: string; title: string; capacity: number | null },
  ) {
    super(
      'conflict',
      'venue-capacity-covers-events',
      `capacity ${capacity} is less than the ${event.capacity} places planned for "${event.title}" (${event.id}); lower that event's capacity first`,
      {
        field: 'capacity',
        data: { capacity, eventId: event.id, eventTitle: event.title, planned: event.capacity },
      },
    );
  }
}

/** A venueId in the input that matches no venue (bad input, not a missing resource). */
export function unknownVenue(venueId: string): RuleBroken {
  return ruleBroken('venue-exists', `venueId ${venueId} does not match any venue`, 'venueId', { venueId });
}

/** A campaignId in the input that matches no campaign (bad input, not a missing resource). */
export function unknownCampaign(campaignId: string): RuleBroken {
  return ruleBroken('campaign-exists', `campaignId ${campaignId} does not match any campaign`, 'campaignId', {
    campaignId,
  });
}

export function needsAPlace(): RuleBroken {
  return ruleBroken(
    'needs-a-place',
    'give a venueId, an onlineUrl, or both: an event needs a place to happen',
    'venueId',
  );
}

export function ukPostcode(): RuleBroken {
  return ruleBroken('uk-postcode', 'postcode must be a UK postcode, such as B63 4AZ', 'postcode');
}
