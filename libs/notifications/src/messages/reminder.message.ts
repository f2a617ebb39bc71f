import { invitePart } from './invite-part';
import { composeMessage } from './layout/compose-message';
import { contactSection, eventDetails, greeting, placeSection, whenText } from './layout/event-sections';
import { paragraph } from './layout/message-blocks';
import type { InviteInput, JoinInput, Message, MessageInput } from './message';
import { reminderPhrase } from './reminder-phrase';

export interface ReminderInput extends MessageInput, InviteInput, JoinInput {
  /** The reminder's offset before the start, as stored on the event: "P7D", "P1D", "PT2H". */
  offset: string;
}

/**
 * A reminder to someone with a place. It carries the calendar REQUEST again (same UID, current
 * SEQUENCE), so a calendar that missed an update is put right.
 */
export function reminderMessage(input: ReminderInput): Message {
  const { event } = input;
  const soon = reminderPhrase(input.offset);
  return composeMessage(
    {
      subject: `Reminder: ${event.title} is ${soon}`,
      title: `${event.title} is ${soon}`,
      office: input.office,
      blocks: [
        greeting(input.recipient.name),
        paragraph(`This is a reminder that ${event.title} is ${soon}: ${whenText(event)}.`),
        paragraph('We look forward to seeing you.'),
        ...eventDetails(input, { joinUrl: input.joinUrl }),
        ...placeSection(
          'If you cannot come now',
          'Please cancel your place so someone else can have it. You do not need to give a reason.',
          input.manageUrl,
        ),
        ...contactSection(input.office),
      ],
    },
    { calendar: invitePart(input, 'REQUEST', 'ACCEPTED') },
  );
}
