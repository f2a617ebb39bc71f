import { composeMessage } from './layout/compose-message';
import { contactSection, eventDetails, greeting, manageSection } from './layout/event-sections';
import { paragraph, type Block } from './layout/message-blocks';
import type { Message, MessageInput } from './message';

/** Where the person stands with the event when the link is sent: it decides the wording. */
export type ManageLinkStanding =
  'confirmed' | 'waitlisted' | 'attended' | 'invited' | 'declined' | 'cancelled';

export interface ManageLinkInput extends MessageInput {
  standing: ManageLinkStanding;
  /** Their place on the waiting list (1 is next), when waiting. */
  position?: number;
}

interface Wording {
  subject: string;
  title: string;
  says: Block[];
  linkHeading: string;
  linkText: string;
}

/**
 * "Here is your link again": sent when someone registers with an address that already has a
 * registration for the event, or asks for their link. It changes nothing: it tells the person
 * where they stand and gives them their private link, so only the owner of the address can act.
 * Nothing typed by whoever asked is in it, and no calendar part (their calendar has what it needs).
 */
export function manageLinkMessage(input: ManageLinkInput): Message {
  const { event } = input;
  const wording = WORDING[input.standing](event.title, input.position);
  return composeMessage({
    subject: wording.subject,
    title: wording.title,
    office: input.office,
    blocks: [
      greeting(input.recipient.name),
      ...wording.says,
      ...manageSection(wording.linkHeading, wording.linkText, input.manageUrl),
      paragraph(
        'If you did not ask for this email, you do not need to do anything: nothing has changed, and only someone with this email can use the link. Please do not forward it.',
      ),
      ...eventDetails(input, { brief: true }),
      ...contactSection(input.office),
    ],
  });
}

const WORDING: Record<ManageLinkStanding, (title: string, position?: number) => Wording> = {
  confirmed: (title) => ({
    subject: `You already have a place: ${title}`,
    title: `You already have a place at ${title}`,
    says: [
      paragraph(
        'Someone asked to register this email address, or for its link. You already have a place, so nothing has changed.',
      ),
    ],
    linkHeading: 'Your place',
    linkText: 'See, change or cancel your place',
  }),
  attended: (title) => ({
    subject: `Your registration: ${title}`,
    title: `You were registered for ${title}`,
    says: [
      paragraph(
        'Someone asked for the link to this registration. We have recorded that you came, so nothing has changed.',
      ),
    ],
    linkHeading: 'Your registration',
    linkText: 'See your registration',
  }),
  waitlisted: (title, position) => ({
    subject: `You are already on the waiting list: ${title}`,
    title: `You are already on the waiting list for ${title}`,
    says: [
      paragraph(
        'Someone asked to register this email address, or for its link. You are already on the waiting list, so nothing has changed.',
      ),
      ...(position && Number.isInteger(position) && position > 0
        ? [paragraph(`You are number ${position} on the waiting list.`)]
        : []),
    ],
    linkHeading: 'Your place on the waiting list',
    linkText: 'See your registration or leave the waiting list',
  }),
  invited: (title) => ({
    subject: `Your invitation: ${title}`,
    title: `You were invited to ${title}`,
    says: [
      paragraph(
        'Someone asked to register this email address, or for its link. You were already invited, so we have not changed anything.',
      ),
      paragraph(
        'To take a place, use the link below and say yes. If the event is full, you will go on the waiting list.',
      ),
    ],
    linkHeading: 'Answer your invitation',
    linkText: 'Say yes or no to your invitation',
  }),
  declined: (title) => ({
    subject: `Your link for ${title}`,
    title: `Your link for ${title}`,
    says: [
      paragraph(
        'Someone asked to register this email address, or for its link. You told us before that you could not come, so we have not changed anything.',
      ),
      paragraph(
        'If you can come after all, use the link below to take a place. If the event is full, you will go on the waiting list.',
      ),
    ],
    linkHeading: 'Take a place',
    linkText: 'Take a place at the event',
  }),
  cancelled: (title) => ({
    subject: `Your link for ${title}`,
    title: `Your link for ${title}`,
    says: [
      paragraph(
        'Someone asked to register this email address, or for its link. You cancelled your place before, so we have not changed anything.',
      ),
      paragraph(
        'If you can come after all, use the link below to take a place again. If the event is full, you will go on the waiting list.',
      ),
    ],
    linkHeading: 'Take a place again',
    linkText: 'Take a place at the event again',
  }),
};
