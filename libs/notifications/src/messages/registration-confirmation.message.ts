import { formatLondonDate } from '@roundtable/platform';
import { invitePart } from './invite-part';
import { composeMessage } from './layout/compose-message';
import { contactSection, eventDetails, greeting, placeSection } from './layout/event-sections';
import { heading, list, paragraph, type Block } from './layout/message-blocks';
import type { InviteInput, JoinInput, Message, MessageInput } from './message';

export interface RegistrationConfirmationInput extends MessageInput, InviteInput, JoinInput {
  /** The access needs they told us, as labels ("BSL interpreter"); repeated back so they can check. */
  accessNeeds?: readonly string[];
}

/** Someone has a place: the calendar REQUEST shows them as ACCEPTED, so no answer is asked for. */
export function registrationConfirmationMessage(input: RegistrationConfirmationInput): Message {
  const { event } = input;
  return composeMessage(
    {
      subject: `Your place is booked: ${event.title}, ${formatLondonDate(event.startsAt)}`,
      title: `You have a place at ${event.title}`,
      office: input.office,
      blocks: [
        greeting(input.recipient.name),
        paragraph('Thank you for registering. Your place is booked.'),
        paragraph('This email has a calendar invite. Open it to add the event to your calendar.'),
        ...eventDetails(input, { joinUrl: input.joinUrl }),
        ...accessNeedsSection(input.accessNeeds ?? []),
        ...placeSection(
          'Change or cancel your place',
          'If you cannot come any more, please cancel. Someone on the waiting list can then have your place.',
          input.manageUrl,
        ),
        ...contactSection(input.office),
      ],
    },
    { calendar: invitePart(input, 'REQUEST', 'ACCEPTED') },
  );
}

function accessNeedsSection(needs: readonly string[]): Block[] {
  if (!needs.length) {
    return [
      heading('Access needs'),
      paragraph('If you need anything to help you take part, you can tell us using the link below.'),
    ];
  }
  return [
    heading('Your access needs'),
    paragraph('You told us you need:'),
    list(needs),
    paragraph('We will email you when it is arranged, and get in touch if we need to know more.'),
  ];
}
