import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { accessFeatureLabel } from '../access-features';
import type { EventEntity } from '../events/event.entity';
import { calendarRawText, calendarText } from './calendar-text';

export interface EventCalendarOptions {
  /** Where the event page lives, e.g. https://roundtable.example/events/<id>. */
  eventUrl: string;
  /** DTSTAMP: when this copy of the calendar was made. */
  stamp: Date;
  /** The partner organisations co-hosting it, named in the description. */
  cohosts?: readonly string[];
}

/** The event's UID in feeds; stable for the life of the event. */
export function eventFeedUid(eventId: string): string {
  return `event-${eventId}@roundtable`;
}

/**
 * The event as a published calendar item (METHOD:PUBLISH: no attendees, no accept buttons).
 * Times are written in UTC so no VTIMEZONE is needed and no calendar can put the event an hour
 * out across the BST/GMT change. A pure function of its inputs.
 */
export function buildEventCalendar(event: EventEntity, options: EventCalendarOptions): string {
  const calendar = ical({
    prodId: { company: 'Roundtable', product: 'Roundtable events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // Written into X-WR-CALNAME as given: escaped here, or a line break in a title starts new lines.
    name: calendarRawText(event.title),
  });
  addEvent(calendar, event, options);
  return calendar.toString();
}

export interface EventsFeedOptions {
  /** The feed's name (X-WR-CALNAME), e.g. the partner's name. */
  name: string;
  /** The event page of each event. */
  eventUrl: (eventId: string) => string;
  stamp: Date;
}

/**
 * Several events as one published feed (a subscription): the same items, UIDs and SEQUENCEs as
 * each event's own calendar file, so a calendar that has both keeps one copy of each.
 */
export function buildEventsFeed(events: readonly EventEntity[], options: EventsFeedOptions): string {
  const calendar = ical({
    prodId: { company: 'Roundtable', product: 'Roundtable events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: calendarRawText(options.name),
  });
  for (const event of events) {
    addEvent(calendar, event, { eventUrl: options.eventUrl(event.id), stamp: options.stamp });
  }
  return calendar.toString();
}

function addEvent(calendar: ICalCalendar, event: EventEntity, options: EventCalendarOptions): void {
  calendar.createEvent({
    id: eventFeedUid(event.id),
    sequence: event.sequence,
    stamp: options.stamp,
    start: event.startsAt,
    end: event.endsAt,
    summary: calendarText(event.title, { multiLine: false }),
    description: calendarText(describe(event, options.cohosts ?? []), { multiLine: true }),
    location: calendarText(
      event.venue ? `${event.venue.name}, ${event.venue.address}, ${event.venue.postcode}` : 'Online',
      { multiLine: true },
    ),
    url: options.eventUrl,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

const AND_LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

function describe(event: EventEntity, cohosts: readonly string[]): string {
  const lines = [event.description];
  // Partners typed their own names: calendarText strips controls from the whole description.
  if (cohosts.length) lines.push(`Co-hosted with ${AND_LIST.format(cohosts)}.`);
  if (event.status === 'cancelled')
    lines.unshift(`This event is cancelled. ${event.cancelReason ?? ''}`.trim());
  if (event.venue?.accessFeatures.length) {
    lines.push(`Access: ${event.venue.accessFeatures.map(accessFeatureLabel).join(', ')}.`);
  }
  if (event.onlineUrl) lines.push('You can also join online: the link is sent to people who register.');
  return lines.filter(Boolean).join('\n\n');
}
