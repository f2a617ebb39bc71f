import type { EventFormat } from '../event-kinds';
import { eventFormat, eventKindLabel } from '../event-kinds';
import { formatLondonRange, londonIso } from '@roundtable/platform';
import { toVenueView, type VenueView } from '../venues/venue.view';
import type { EventEntity } from './event.entity';

/** What staff see of an event. Times are UTC (Z); `when` and the *Local fields are UK time. */
export interface EventView {
  id: string;
  title: string;
  kind: string;
  kindLabel: string;
  format: EventFormat;
  description: string;
  status: string;
  startsAt: string;
  endsAt: string;
  startsAtLocal: string;
  endsAtLocal: string;
  when: string;
  timeZone: 'Europe/London';
  venueId: string | null;
  venue: VenueView | null;
  campaignId: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  reminderOffsets: string[];
  sequence: number;
  cancelReason: string | null;
  publishedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toEventView(event: EventEntity): EventView {
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    kindLabel: eventKindLabel(event.kind),
    format: eventFormat(event.venueId !== null, event.onlineUrl !== null),
    description: event.description,
    status: event.status,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    startsAtLocal: londonIso(event.startsAt),
    endsAtLocal: londonIso(event.endsAt),
    when: formatLondonRange(event.startsAt, event.endsAt),
    timeZone: 'Europe/London',
    venueId: event.venueId,
    venue: event.venue ? toVenueView(event.venue) : null,
    campaignId: event.campaignId,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    reminderOffsets: event.reminderOffsets,
    sequence: event.sequence,
    cancelReason: event.cancelReason,
    publishedAt: event.publishedAt?.toISOString() ?? null,
    cancelledAt: event.cancelledAt?.toISOString() ?? null,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

/**
 * What anyone may see: no joining link (sent to registered people only, so meetings are not
 * gate-crashed), no staff fields, no personal data.
 */
export type PublicEventView = Pick<
  EventView,
  | 'id'
  | 'title'
  | 'kind'
  | 'kindLabel'
  | 'format'
  | 'description'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'startsAtLocal'
  | 'endsAtLocal'
  | 'when'
  | 'timeZone'
  | 'capacity'
  | 'cancelReason'
> & { venue: Omit<VenueView, 'createdAt' | 'updatedAt'> | null };

export function toPublicEventView(event: EventEntity): PublicEventView {
  const view = toEventView(event);
  const venue = view.venue && (({ createdAt: _c, updatedAt: _u, ...rest }) => rest)(view.venue);
  return {
    id: view.id,
    title: view.title,
    kind: view.kind,
    kindLabel: view.kindLabel,
    format: view.format,
    description: view.description,
    status: view.status,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    startsAtLocal: view.startsAtLocal,
    endsAtLocal: view.endsAtLocal,
    when: view.when,
    timeZone: view.timeZone,
    capacity: view.capacity,
    cancelReason: view.cancelReason,
    venue,
  };
}
