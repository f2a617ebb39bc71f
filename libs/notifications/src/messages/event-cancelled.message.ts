import { formatLondonDate } from '@roundtable/platform';
import type { InvitePartstat } from '../calendar/invite-calendar';
import { invitePart } from './invite-part';
import { composeMessage } from './layout/compose-message';
import { contactSection, eventDetails, greeting, whenText } from './layout/event-sections';
import { heading, paragraph } from './layout/message-blocks';
import type { InviteInput, Message, MessageInput } from './message';

export interface EventCancelledInput extends Omit<MessageInput, 'manageUrl'>, InviteInput {
  /** Why, in the office's words. */
  reason?: string | null;
  /** As in the invite being cancelled: ACCEPTED (default) or NEEDS-ACTION. */
  partstat?: InvitePartstat;
}

/**
 * The event is cancelled: a calendar CANCEL with the same UID and the raised SEQUENCE removes it
 * from calendars. No manage link and no joining link: there is no place left to change.
 */
export function eventCancelledMessage(input: EventCancelledInput): Message {
  const { event } = input;
  const reason = input.reason?.trim();
  return composeMessage(
    {
      subject: `Cancelled: ${event.title}, ${formatLondonDate(event.startsAt)}`,
      title: `${event.title} is cancelled`,
      office: input.office,
      blocks: [
        greeting(input.recipient.name),
        paragraph(`We are sorry. We have had to cancel ${event.title}, which was on ${whenText(event)}.`),
        ...(reason ? [heading('Why it is cancelled'), paragraph(reason)] : []),
        heading('What you need to do'),
        paragraph('You do not need to do anything.'),
        paragraph(
          'If the event is in your calendar, the invite in this email should remove it. If it does not, you can delete it yourself.',
        ),
        ...eventDetails(input, { brief: true }),
        ...contactSection(input.office),
      ],
    },
    { calendar: invitePart(input, 'CANCEL', input.partstat ?? 'ACCEPTED', reason) },
  );
}
