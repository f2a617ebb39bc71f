import { eventFormat, type EventEntity } from '@roundtable/events';

/** How someone takes part in an event. */
export const ATTENDANCES = [
  { value: 'in_person', label: 'In person' },
  { value: 'online', label: 'Online' },
] as const;
export type Attendance = (typeof ATTENDANCES)[number]['value'];
export const ATTENDANCE_VALUES: readonly Attendance[] = ATTENDANCES.map((attendance) => attendance.value);

/**
 * The most people one registration may bring. Enough for a carer, a partner and a couple of
 * others; a bigger group should talk to the office, because one form could otherwise take a small
 * venue's last places at once (and one address could empty an event).
 */
export const MAX_COMPANIONS = 4;

/** An event is in person (a venue only), online (a link only) or hybrid (both). */
function formatOf(event: Pick<EventEntity, 'venueId' | 'onlineUrl'>) {
  return eventFormat(Boolean(event.venueId), Boolean(event.onlineUrl));
}

/** The attendance an event implies when it offers only one way to take part; null for hybrid. */
export function impliedAttendance(event: Pick<EventEntity, 'venueId' | 'onlineUrl'>): Attendance | null {
  const format = formatOf(event);
  return format === 'hybrid' ? null : format;
}

/**
 * The places a registration takes against the event's capacity: one for the person and one for
 * each companion; none for someone joining a hybrid event online (the room is not theirs to fill,
 * so they are never waitlisted). An online-only event counts its attendees, against a capacity
 * staff may set for the meeting (usually none).
 */
export function placesFor(
  registration: { attendance: Attendance; companions: number },
  event: Pick<EventEntity, 'venueId' | 'onlineUrl'>,
): number {
  if (formatOf(event) === 'hybrid' && registration.attendance === 'online') return 0;
  return 1 + registration.companions;
}

/**
 * Whether this attendee gets the joining link (in their confirmation, reminders, calendar invite
 * and manage page). Online attendees do. Someone coming in person to a hybrid event does not: the
 * link lets anyone in without a place, so the fewer copies there are the less it is forwarded, and
 * in the room they do not need it. If they can no longer travel, the office can move them online.
 */
export function getsJoiningLink(
  registration: { attendance: Attendance },
  event: Pick<EventEntity, 'venueId' | 'onlineUrl'>,
): boolean {
  return Boolean(event.onlineUrl) && attendanceAt(registration, event) === 'online';
}

/**
 * How a registration takes part in this event: the event's own format unless it is hybrid (so a
 * row whose event changed format since, or an invitation made before it was answered, reads right).
 */
export function attendanceAt(
  registration: { attendance: Attendance },
  event: Pick<EventEntity, 'venueId' | 'onlineUrl'>,
): Attendance {
  return impliedAttendance(event) ?? registration.attendance;
}
