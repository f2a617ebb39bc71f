import { joinWithAnd } from '../event-wording';
import { composeMessage } from './layout/compose-message';
import { contactSection, eventDetails, greeting, manageSection } from './layout/event-sections';
import { paragraph } from './layout/message-blocks';
import type { JoinInput, Message, MessageInput } from './message';

export interface AccessNeedArrangedInput extends MessageInput, JoinInput {
  /** What was arranged, each finishing "We have arranged ___ for you": "a BSL interpreter". */
  arranged: readonly string[];
  /** Anything staff want to add, such as where the quiet room is. */
  note?: string | null;
}

/** Tells someone with a place that their access need is arranged. No calendar invite: nothing moved. */
export function accessNeedArrangedMessage(input: AccessNeedArrangedInput): Message {
  if (!input.arranged.length) throw new Error('accessNeedArrangedMessage: say what was arranged');
  const { event } = input;
  const arranged = joinWithAnd(input.arranged);
  const note = input.note?.trim();
  return composeMessage({
    subject: `We have arranged ${arranged} for you: ${event.title}`,
    title: `We have arranged ${arranged} for you`,
    office: input.office,
    blocks: [
      greeting(input.recipient.name),
      paragraph(`We have arranged ${arranged} for you at ${event.title}.`),
      ...(note ? [paragraph(note)] : []),
      paragraph('If anything else would help you take part, or this is not right, please tell us.'),
      ...eventDetails(input, { joinUrl: input.joinUrl }),
      ...manageSection(
        'Change your access needs or your place',
        'Change your access needs or your place',
        input.manageUrl,
      ),
      ...contactSection(input.office),
    ],
  });
}
