import { composeMessage } from './layout/compose-message';
import { contactOffice } from './layout/event-sections';
import { action, heading, paragraph } from './layout/message-blocks';
import type { Message, Office } from './message';

export interface TestimonyReceiptInput {
  office: Office;
  /** The author's private link to read, change consent or erase what they sent. */
  receiptUrl: string;
  /** The campaign it was given to, with what happens to its evidence; null when standalone. */
  campaign: { title: string; evidenceUse: string } | null;
}

/**
 * Thanks the author and gives them their private link. Never the story, nor anything they
 * wrote: email is not private enough, and the link shows it to them behind its token.
 */
export function testimonyReceiptMessage(input: TestimonyReceiptInput): Message {
  const { office, campaign } = input;
  return composeMessage({
    subject: `Thank you for telling us your experience`,
    title: 'Thank you for telling us your experience',
    office: input.office,
    blocks: [
      paragraph('Hello,'),
      paragraph(
        `${office.name} has received what you sent${campaign ? ` for ${campaign.title}` : ''}. Thank you for taking the time: it helps the office show the council and the government what families face.`,
      ),
      heading('What happens next'),
      paragraph(
        'Staff in the office read every response. Only staff can see what you wrote, and it is stored securely. We use it only in the ways you agreed to.',
      ),
      ...(campaign && campaign.evidenceUse.trim() !== ''
        ? [heading('What happens to the evidence'), paragraph(campaign.evidenceUse)]
        : []),
      heading('Change your mind at any time'),
      paragraph(
        'Your private link shows what you sent. You can change what you agreed to, or delete your response completely. Keep this email safe and do not share the link: anyone with it can see what you wrote.',
      ),
      action('See, change or delete your response', input.receiptUrl),
      contactOffice('If you need help, reply to this email', office),
    ],
  });
}
