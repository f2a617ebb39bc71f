import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { calendarParameter, calendarText } from '@roundtable/events';
import { inviteDescription, type InviteCalendarInput } from '../calendar/invite-calendar';
import { placeLine } from '../event-wording';

/**
 * The invite as buildInviteCalendar wrote it with ical-generator, before it wrote its lines
 * itself: the spec's reference, so the two can be compared byte for byte.
 */
export function icalGeneratorInvite(input: InviteCalendarInput): string {
  const { event, method } = input;
  const partstat = input.partstat ?? 'NEEDS-ACTION';
  const calendar = ical({
    prodId: { company: 'Roundtable', product: 'Roundtable invitations', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.stamp,
    start: event.startsAt,
    end: event.endsAt,
    summary: calendarText(event.title, { multiLine: false }),
    description: calendarText(inviteDescription(input, partstat), { multiLine: true }),
    location: calendarText(placeLine(event), { multiLine: true }),
    url: input.eventUrl,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: calendarParameter(input.organizer.name), email: input.organizer.email },
    attendees: [
      {
        name: calendarParameter(input.attendee.name),
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: partstat === 'ACCEPTED' ? ICalAttendeeStatus.ACCEPTED : ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}
