import { accessFeatureLabel } from '@roundtable/events';
import type { EventSnapshot, VenueSnapshot } from './event-snapshot';

/** How an event's place and hosts are put into words, the same in every message and invite. */

/** "Halesowen Library, Queensway, Halesowen, B63 4AZ", "Online", or the venue "or online". */
export function placeLine(event: Pick<EventSnapshot, 'venue' | 'online'>): string {
  if (!event.venue) return 'Online';
  const venue = `${event.venue.name}, ${event.venue.address}, ${event.venue.postcode}`;
  return event.online ? `${venue}, or online` : venue;
}

/** The labels of the venue's access features, e.g. "Step-free access". */
export function accessLabels(venue: VenueSnapshot | null): string[] {
  return venue ? venue.accessFeatures.map(accessFeatureLabel) : [];
}

/** "A", "A and B", "A, B and C": a list as people say it. */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
