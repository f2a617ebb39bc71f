import { calendarParameter, calendarText } from '@roundtable/events';
import type { EventSnapshot, Person } from '../event-snapshot';
import { accessLabels, joinWithAnd, placeLine } from '../event-wording';
import { contentLines, escapeQuoted, escapeText, utcDateTime } from './icalendar-lines';

export type InviteMethod = 'REQUEST' | 'CANCEL';
/** NEEDS-ACTION for an invitation still to be answered, ACCEPTED for someone with a place. */
export type InvitePartstat = 'NEEDS-ACTION' | 'ACCEPTED';

export interface InviteCalendarInput {
  event: EventSnapshot;
  /** The one recipient of this copy: every attendee gets their own invite with their own UID. */
  attendee: Person;
  /** The office. Calendars address replies from their buttons here, but none is asked for or read. */
  organizer: Person;
  /** From `inviteUid(eventId, attendeeKey)`; the same for every message to this attendee. */
  uid: string;
  /** Raised by the caller on every change of time, place or status and on a cancel. */
  sequence: number;
  method: InviteMethod;
  /** DTSTAMP: when this copy was made. Passed in so the function stays pure. */
  stamp: Date;
  eventUrl: string;
  /** The attendee's private link to answer, change or cancel. */
  manageUrl?: string;
  /** The online joining link; only for people with a place. */
  joinUrl?: string;
  partstat?: InvitePartstat;
  /** Shown at the top of the description of a CANCEL. */
  cancelReason?: string;
  /** The partner organisations co-hosting the event, named in the description. */
  cohosts?: readonly string[];
}

/**
 * One attendee's calendar invite (RFC 5546 iTIP): METHOD:REQUEST to add or update the event in
 * their calendar, METHOD:CANCEL with the same UID to remove it. RSVP=FALSE always: replies from
 * calendar buttons are not read, so none is asked for. Times are written in UTC, so no
 * VTIMEZONE is needed and no calendar can put the event an hour out across the BST/GMT change.
 * A pure function of its input. Written line by line (icalendar-lines.ts), byte for byte what
 * ical-generator wrote for the same input, without its cost (see invite-calendar.spec.ts).
 */
export function buildInviteCalendar(input: InviteCalendarInput): string {
  const { event, method } = input;
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new Error('buildInviteCalendar: sequence must be a whole number, 0 or more');
  }
  // A late reminder or invite must not put a cancelled event back into people's calendars.
  if (method === 'REQUEST' && event.status === 'cancelled') {
    throw new Error('buildInviteCalendar: the event is cancelled, so only a CANCEL can be sent');
  }
  const partstat = input.partstat ?? 'NEEDS-ACTION';
  // Controls and invisible formatting in stored text are removed so an event saved before the
  // text rule cannot put them into people's calendars; escapeText then escapes what is left.
  const summary = calendarText(event.title, { multiLine: false });
  const location = calendarText(placeLine(event), { multiLine: true });
  const attendeeName = calendarParameter(input.attendee.name);
  // A start after the end is written the other way round, as ical-generator did.
  const [start, end] =
    event.startsAt.getTime() > event.endsAt.getTime()
      ? [event.endsAt, event.startsAt]
      : [event.startsAt, event.endsAt];
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    PRODID,
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    // The caller's UID and SEQUENCE: calendars update the item they hold instead of adding another.
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${utcDateTime(input.stamp)}`,
    `DTSTART:${utcDateTime(start)}`,
    `DTEND:${utcDateTime(end)}`,
    `SUMMARY:${escapeText(summary)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(calendarText(inviteDescription(input, partstat), { multiLine: true }))}`,
    `ORGANIZER;CN="${escapeQuoted(calendarParameter(input.organizer.name))}":mailto:${escapeText(mailbox(input.organizer.email, 'organizer'))}`,
    // Never ask the calendar for an answer (RSVP=FALSE): nothing reads replies sent from its
    // Yes/No buttons, so a parent who tapped Yes would think they had a place. People answer
    // through the links in the email (and in the description). METHOD stays REQUEST: it is what
    // lets the item update and disappear on a CANCEL.
    `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat};RSVP=FALSE${attendeeName ? `;CN="${escapeQuoted(attendeeName)}"` : ''}:MAILTO:${escapeText(mailbox(input.attendee.email, 'attendee'))}`,
    ...(input.eventUrl ? [`URL;VALUE=URI:${escapeText(input.eventUrl)}`] : []),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

const PRODID = 'PRODID:-//Roundtable//Roundtable invitations//EN';

/** Said in the item itself too: it is where people see the buttons, perhaps weeks later. */
const CALENDAR_BUTTONS_NOTE_FOR_CALENDAR =
  'Your calendar may show Yes/No buttons: they do not reach us. Use the link above.';

/** The invite's DESCRIPTION before escaping; exported for the spec's ical-generator reference. */
export function inviteDescription(input: InviteCalendarInput, partstat: InvitePartstat): string {
  const { event } = input;
  const lines: string[] = [];
  if (input.method === 'CANCEL') lines.push(`This event is cancelled. ${input.cancelReason ?? ''}`.trim());
  lines.push(event.description);
  // Partners typed their own names: calendarText (below) strips controls from the whole text.
  if (input.cohosts?.length) {
    lines.push(`Hosted by ${input.organizer.name} with ${joinWithAnd(input.cohosts)}.`);
  }
  const access = accessLabels(event.venue);
  if (access.length) lines.push(`Access: ${access.join(', ')}.`);
  if (input.method === 'REQUEST' && input.joinUrl) lines.push(`Join online: ${input.joinUrl}`);
  lines.push(`Event details: ${input.eventUrl}`);
  // A cancelled event has no place left to manage.
  if (input.method === 'REQUEST' && input.manageUrl) {
    const label = partstat === 'ACCEPTED' ? 'Change or cancel your place' : 'Answer the invitation';
    lines.push(`${label}: ${input.manageUrl}`);
    lines.push(CALENDAR_BUTTONS_NOTE_FOR_CALENDAR);
  }
  return lines.filter(Boolean).join('\n\n');
}

// Addresses come validated from registration; this only stops one that would break the file.
function mailbox(email: string, role: string): string {
  if (!/^[^\s"<>(),;:\\]+@[^\s"<>(),;:\\]+$/.test(email)) {
    throw new Error(`buildInviteCalendar: the ${role} email address is not a plain address`);
  }
  return email;
}
