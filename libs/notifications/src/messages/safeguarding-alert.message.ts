import { composeMessage } from './layout/compose-message';
import { action, heading, paragraph } from './layout/message-blocks';
import type { Message, Office } from './message';

export interface SafeguardingAlertInput {
  office: Office;
  testimonyId: string;
  /** 'suggested' by the keyword screen at intake, or 'raised' by a member of staff. */
  flag: 'suggested' | 'raised';
  /** The staff page of the testimony, behind sign-in. */
  staffTestimonyUrl: string;
}

/**
 * Tells the designated safeguarding lead that a testimony was flagged. It names the testimony by
 * id and links to it behind sign-in: never the story, the author's name or their email.
 */
export function safeguardingAlertMessage(input: SafeguardingAlertInput): Message {
  const how =
    input.flag === 'suggested'
      ? 'The keyword screen suggested a safeguarding flag on a new testimony. A person needs to read it and decide.'
      : 'A member of staff raised a safeguarding flag on a testimony.';
  return composeMessage({
    subject: `Safeguarding: a testimony was flagged (${input.flag === 'suggested' ? 'suggested by the screen' : 'raised by staff'})`,
    title: 'A testimony was flagged for safeguarding',
    office: input.office,
    blocks: [
      paragraph('Hello,'),
      paragraph(how),
      heading('The testimony'),
      paragraph(`Testimony ${input.testimonyId}`),
      action('Read the testimony on the staff page', input.staffTestimonyUrl),
      paragraph(
        `This email leaves out what was written and who wrote it, as email is not private enough. You can read it after you sign in.`,
      ),
    ],
  });
}
