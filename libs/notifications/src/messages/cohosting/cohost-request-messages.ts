import { formatLondonRange } from '@roundtable/platform';
import { composeMessage } from '../layout/compose-message';
import { contactOffice } from '../layout/event-sections';
import { action, heading, lines, paragraph, type Block } from '../layout/message-blocks';
import type { Message, Office } from '../message';

/**
 * The three messages about a partner's request to co-host an event: staff are told it was asked,
 * the partner's users are told the answer. They name the organisation and the event, never the
 * partner user who asked (staff see that behind sign-in).
 */
export interface CohostRequestMessageInput {
  office: Office;
  partnerName: string;
  event: { title: string; startsAt: Date; endsAt: Date };
  /** The partner's message to staff (to staff only). */
  message?: string;
  /** Staff's reason for declining, when they gave one. */
  reason?: string | null;
  /** Staff's queue of requests, or the partner's own list, behind sign-in. */
  url: string;
}

function eventLines(input: CohostRequestMessageInput): Block {
  return lines(input.event.title, `${formatLondonRange(input.event.startsAt, input.event.endsAt)} (UK time)`);
}

/** To each active admin and organiser: a partner asked to co-host an event. */
export function cohostRequestedMessage(input: CohostRequestMessageInput): Message {
  const said = input.message?.trim();
  return composeMessage({
    subject: `${input.partnerName} asked to co-host ${input.event.title}`,
    title: 'A partner asked to co-host an event',
    office: input.office,
    blocks: [
      paragraph('Hello,'),
      paragraph(`${input.partnerName} would like to co-host this event with ${input.office.name}.`),
      heading('The event'),
      eventLines(input),
      ...(said
        ? [heading('What they said'), ...said.split(/\n\s*\n/).map((part) => paragraph(part.trim()))]
        : []),
      action('Accept or decline the request', input.url),
    ],
  });
}

/** To each active user of the partner: staff accepted; the partner is now named as a co-host. */
export function cohostAcceptedMessage(input: CohostRequestMessageInput): Message {
  return composeMessage({
    subject: `You are now co-hosting ${input.event.title}`,
    title: 'Your request to co-host was accepted',
    office: input.office,
    blocks: [
      paragraph('Hello,'),
      paragraph(
        `${input.office.name} accepted the request from ${input.partnerName} to co-host this event. ${input.partnerName} is now named on the event page, in emails about it and in its calendar invites.`,
      ),
      heading('The event'),
      eventLines(input),
      action('See your co-host requests', input.url),
    ],
  });
}

/** To each active user of the partner: staff declined, with their reason when they gave one. */
export function cohostDeclinedMessage(input: CohostRequestMessageInput): Message {
  const reason = input.reason?.trim();
  return composeMessage({
    subject: `Your request to co-host ${input.event.title}`,
    title: 'Your request to co-host was declined',
    office: input.office,
    blocks: [
      paragraph('Hello,'),
      paragraph(`${input.office.name} declined the request from ${input.partnerName} to co-host this event.`),
      heading('The event'),
      eventLines(input),
      ...(reason ? [heading('The reason'), paragraph(reason)] : []),
      contactOffice('If you have questions', input.office),
      action('See your co-host requests', input.url),
    ],
  });
}
