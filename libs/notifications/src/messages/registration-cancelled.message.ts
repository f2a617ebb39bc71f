import { formatLondonDate } from '@roundtable/platform';
import type { InvitePartstat } from '../calendar/invite-calendar';
import { invitePart } from './invite-part';
import { composeMessage } from './layout/compose-message';
import { contactOffice, eventDetails, greeting, whenText } from './layout/event-sections';
import { action, heading, paragraph } from './layout/message-blocks';
import type { InviteInput, Message, MessageInput } from './message';

export interface RegistrationCancelledInput extends Omit<MessageInput, 'manageUrl'>, InviteInput {
  /** As in the invite being cancelled: ACCEPTED (default) for a place, NEEDS-ACTION for an invitation. */
  partstat?: InvitePartstat;
}

/**
 * The person gave up their own place (through their manage link): confirms it kindly, says how to
 * register again, and carries a calendar CANCEL with their UID and a SEQUENCE above the last one
 * their calendar got, so the item goes from their calendar. The event itself is still on.
 */
export function registrationCancelledMessage(input: RegistrationCancelledInput): Message {
  const { event } = input;
  return composeMessage(
    {
      subject: `Place cancelled: ${event.title}, ${formatLondonDate(event.startsAt)}`,
      title: `You have cancelled your place at ${event.title}`,
      office: input.office,
      blocks: [
        greeting(input.recipient.name),
        paragraph(
          `You have cancelled your place at ${event.title}, on ${whenText(event)}. Thank you for letting us know.`,
        ),
        paragraph('You do not need to do anything else.'),
        paragraph(
          'The calendar invite in this email should remove the event from your calendar. If it does not, you can delete it yourself.',
        ),
        heading('If you change your mind'),
        paragraph(
          'You can register again on the event page while places are left. If the event is full, you can join the waiting list.',
        ),
        action(`Register again for ${event.title}`, input.eventUrl),
        ...eventDetails(input, { brief: true }),
        heading('Questions or help'),
        contactOffice('If you did not cancel your place, or have a question', input.office),
      ],
    },
    { calendar: invitePart(input, 'CANCEL', input.partstat ?? 'ACCEPTED', 'You cancelled your place.') },
  );
}
