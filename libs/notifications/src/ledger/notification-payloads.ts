import type { EventSnapshot, VenueSnapshot } from '../event-snapshot';
import type { NotificationPayload } from './notification.entity';

/**
 * The payload keys the worker reads, by kind. Everything else a message shows is read when it is
 * sent (the event as it is then, the registration's name and status), so a payload carries only
 * what the database cannot tell the worker later.
 *
 * No payload carries a manage token or any other secret: the worker derives the person's
 * private link from their registration when it sends (ManageLinks), for every kind.
 * - `waitlisted`: `position` (1 is next), optional.
 * - `reminder`: `offset`, the ISO 8601 duration before the start it was planned for ("P1D").
 * - `update`: where and when the event was before the change: write it with `previousEventPayload`;
 *   after a change of co-hosts also `previousCohosts`, the co-hosts' names people last heard of.
 * - `cancellation`: `reason`, optional; the event's own cancel reason otherwise.
 * - `access-arranged`: `arranged`, what was arranged, each finishing "We have arranged ___ for
 *   you" ("a BSL interpreter"); `note`, optional, anything staff add.
 * - `access-tasks-late` (to staff, no registration): `taskIds`, the late tasks it is about; the
 *   worker reads them when it sends and lists only those still open.
 */
export type PreviousEvent = Pick<EventSnapshot, 'startsAt' | 'endsAt' | 'venue' | 'online'>;

/** A payload that lacks what its kind needs: sending it again will not help. */
export class PayloadError extends Error {}

/** The payload of an `update`: the event as people last heard of it, before this change. */
export function previousEventPayload(previous: {
  startsAt: Date;
  endsAt: Date;
  onlineUrl: string | null;
  venue: (Omit<VenueSnapshot, 'accessFeatures'> & { accessFeatures: readonly string[] }) | null;
}): NotificationPayload {
  return {
    previousStartsAt: previous.startsAt.toISOString(),
    previousEndsAt: previous.endsAt.toISOString(),
    previousOnline: previous.onlineUrl !== null,
    previousVenueName: previous.venue?.name ?? null,
    previousVenueAddress: previous.venue?.address ?? null,
    previousVenuePostcode: previous.venue?.postcode ?? null,
    previousVenueAccessFeatures: previous.venue ? [...previous.venue.accessFeatures] : [],
  };
}

/** Reads back what `previousEventPayload` wrote. */
export function previousEventFromPayload(payload: NotificationPayload): PreviousEvent {
  const startsAt = new Date(String(payload.previousStartsAt));
  const endsAt = new Date(String(payload.previousEndsAt));
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) {
    throw new PayloadError('an update needs previousStartsAt and previousEndsAt (see previousEventPayload)');
  }
  const name = payload.previousVenueName;
  const features = payload.previousVenueAccessFeatures;
  return {
    startsAt,
    endsAt,
    online: payload.previousOnline === true,
    venue:
      typeof name === 'string'
        ? {
            name,
            address: String(payload.previousVenueAddress ?? ''),
            postcode: String(payload.previousVenuePostcode ?? ''),
            accessFeatures: Array.isArray(features) ? features : [],
          }
        : null,
  };
}

/**
 * The co-hosts' names as people last heard of them, when the update was planned by a change of
 * co-hosts; undefined for an update about time or place only (it then says nothing of co-hosts).
 */
export function previousCohostsFromPayload(payload: NotificationPayload): string[] | undefined {
  const names = payload.previousCohosts;
  return Array.isArray(names) ? names.filter((name) => typeof name === 'string') : undefined;
}
