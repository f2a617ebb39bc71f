import { formatLondonDate } from '@roundtable/platform';
import { invitePart } from './invite-part';
import { composeMessage } from './layout/compose-message';
import { contactSection, eventDetails, greeting, placeSection } from './layout/event-sections';
import { paragraph } from './layout/message-blocks';
import type { InviteInput, JoinInput, Message, MessageInput } from './message';

export type WaitlistPromotedInput = MessageInput & InviteInput & JoinInput;

/** A place came up for someone on the waiting list: it is theirs, with a calendar REQUEST (ACCEPTED). */
export function waitlistPromotedMessage(input: WaitlistPromotedInput): Message {
  const { event } = input;
  return composeMessage(
    {
      subject: `You have a place: ${event.title}, ${formatLondonDate(event.startsAt)}`,
      title: `Good news: you have a place at ${event.title}`,
      office: input.office,
      blocks: [
        greeting(input.recipient.name),
        paragraph('A place has come up and it is yours. You do not need to do anything to keep it.'),
        paragraph('This email has a calendar invite. Open it to add the event to your calendar.'),
        ...eventDetails(input, { joinUrl: input.joinUrl }),
        ...placeSection(
          'Change or cancel your place',
          'If you cannot come now, please cancel. The place can then go to someone else.',
          input.manageUrl,
        ),
        ...contactSection(input.office),
      ],
    },
    { calendar: invitePart(input, 'REQUEST', 'ACCEPTED') },
  );
}
