import { formatLondonDate } from '@roundtable/platform';
import { invitePart } from './invite-part';
import { composeMessage } from './layout/compose-message';
import {
  calendarButtonsNote,
  contactSection,
  eventDetails,
  greeting,
  manageSection,
} from './layout/event-sections';
import { action, heading, link, paragraph } from './layout/message-blocks';
import type { InviteInput, Message, MessageInput } from './message';

export interface InvitationInput extends MessageInput, InviteInput {
  acceptUrl: string;
  declineUrl: string;
  /** One-click unsubscribe (RFC 8058): shown in the body and sent as List-Unsubscribe. */
  unsubscribeUrl: string;
  /** The co-hosting partner that invited them, by name; null when the office did. */
  invitedBy?: string | null;
}

/**
 * An invitation to someone who has not registered: accept or decline links, and a calendar
 * REQUEST (PARTSTAT=NEEDS-ACTION) that asks the calendar for no reply (RSVP=FALSE): the links are
 * the way to answer, and the email says so. No joining link: it goes only to people with a place.
 */
export function invitationMessage(input: InvitationInput): Message {
  const { event, office } = input;
  return composeMessage(
    {
      subject: `Invitation: ${event.title}, ${formatLondonDate(event.startsAt)}`,
      title: `You are invited: ${event.title}`,
      office: input.office,
      blocks: [
        greeting(input.recipient.name),
        paragraph(
          input.invitedBy
            ? `${input.invitedBy} invited you, with ${office.name}, to ${event.title}. We want to hear from you.`
            : `${office.name} would like to invite you to ${event.title}. We want to hear from you.`,
        ),
        heading('Can you come?'),
        action('Yes, I can come', input.acceptUrl),
        action('No, I cannot come', input.declineUrl),
        calendarButtonsNote(),
        paragraph('You do not need to reply if you cannot come.'),
        paragraph('If the event is full when you reply, we will put you on the waiting list and tell you.'),
        ...eventDetails(input),
        ...manageSection(
          'Access needs',
          'Tell us about your access needs or change your answer',
          input.manageUrl,
          paragraph(
            'Tell us what would help you take part, such as step-free access, a BSL interpreter or a quiet room.',
          ),
        ),
        ...contactSection(office),
        paragraph(
          `If you do not want invitations from ${office.name}${input.invitedBy ? ` or its partners` : ''}, you can `,
          link('stop getting invitations', input.unsubscribeUrl),
          '.',
        ),
      ],
    },
    { calendar: invitePart(input, 'REQUEST', 'NEEDS-ACTION'), listUnsubscribe: input.unsubscribeUrl },
  );
}
