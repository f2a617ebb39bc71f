import { composeMessage } from './layout/compose-message';
import { contactSection, eventDetails, greeting, manageSection } from './layout/event-sections';
import { paragraph } from './layout/message-blocks';
import type { Message, MessageInput } from './message';

export interface WaitlistedInput extends MessageInput {
  /** Their place in the queue (1 is next), when known. */
  position?: number;
}

/**
 * The event is full and they are on the waiting list. No calendar invite: they do not have a
 * place yet, and an invite would put an event in their calendar they may not be able to attend.
 */
export function waitlistedMessage(input: WaitlistedInput): Message {
  const { event } = input;
  const position =
    input.position !== undefined && Number.isInteger(input.position) && input.position > 0
      ? [paragraph(`You are number ${input.position} on the waiting list.`)]
      : [];
  return composeMessage({
    subject: `You are on the waiting list: ${event.title}`,
    title: `You are on the waiting list for ${event.title}`,
    office: input.office,
    blocks: [
      greeting(input.recipient.name),
      paragraph(
        'Thank you for registering. The event is full at the moment, so we have put you on the waiting list.',
      ),
      ...position,
      paragraph(
        'If a place comes up, it will be yours and we will email you straight away. You do not need to do anything now.',
      ),
      paragraph('We have not sent a calendar invite, because you do not have a place yet.'),
      ...eventDetails(input),
      ...manageSection(
        'Leave the waiting list',
        'Leave the waiting list or change your details',
        input.manageUrl,
        paragraph('If you no longer want a place, you can take yourself off the waiting list.'),
      ),
      ...contactSection(input.office),
    ],
  });
}
