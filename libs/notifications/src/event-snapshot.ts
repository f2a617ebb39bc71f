import type { EventEntity, EventStatus, Venue } from '@roundtable/events';

/** The venue as a message shows it: where to go and what it offers people with access needs. */
export interface VenueSnapshot {
  name: string;
  address: string;
  postcode: string;
  /** Access feature values, e.g. 'step_free_access'; messages show their labels. */
  accessFeatures: readonly string[];
}

/**
 * The facts about an event that every message and invite shows. It carries whether the event is
 * online but never its joining link: that goes only to registered people, so each builder that
 * may show it takes it as a separate `joinUrl` and an invitation cannot leak it by accident.
 */
export interface EventSnapshot {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
  venue: VenueSnapshot | null;
  online: boolean;
}

/** Someone with a name and an email address: an attendee, or the office as organiser. */
export interface Person {
  name: string;
  email: string;
}

/** What eventSnapshot reads: a loaded event with its venue relation, or the same facts read raw. */
export type SnapshotSource = Pick<
  EventEntity,
  'id' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'status' | 'onlineUrl'
> & { venue: Pick<Venue, 'name' | 'address' | 'postcode' | 'accessFeatures'> | null };

/** Takes what messages need from a loaded event (with its venue relation). */
export function eventSnapshot(event: SnapshotSource): EventSnapshot {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    status: event.status,
    venue: event.venue
      ? {
          name: event.venue.name,
          address: event.venue.address,
          postcode: event.venue.postcode,
          accessFeatures: [...event.venue.accessFeatures],
        }
      : null,
    online: event.onlineUrl !== null,
  };
}
