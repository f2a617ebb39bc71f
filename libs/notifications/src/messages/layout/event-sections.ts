import { formatLondonRange } from '@roundtable/platform';
import { accessLabels, joinWithAnd } from '../../event-wording';
import type { MessageInput, Office } from '../message';
import { telHref } from '../../office/office-from-settings';
import { action, heading, lines, link, list, paragraph, type Block } from './message-blocks';

/** The sections every message shares, so each kind only writes what is its own. */

/** "Wednesday 1 July 2026, 10am to midday (UK time)". */
export function whenText(event: Pick<MessageInput['event'], 'startsAt' | 'endsAt'>): string {
  return `${formatLondonRange(event.startsAt, event.endsAt)} (UK time)`;
}

export function greeting(name: string): Block {
  return paragraph(name.trim() ? `Hello ${name.trim()},` : 'Hello,');
}

export interface DetailsOptions {
  /** The joining link, for people with a place. */
  joinUrl?: string;
  /** Leave out what only matters to someone coming: access, joining link, description. */
  brief?: boolean;
}

/** When, where, access, joining online, who is hosting and what it is about. */
export function eventDetails(
  input: Pick<MessageInput, 'event' | 'office' | 'cohosts'>,
  options: DetailsOptions = {},
): Block[] {
  const { event } = input;
  const blocks: Block[] = [heading('When'), paragraph(whenText(event)), heading('Where')];
  if (event.venue) {
    blocks.push(lines(event.venue.name, event.venue.address, event.venue.postcode));
    if (event.online) blocks.push(paragraph('You can also take part online.'));
  } else {
    blocks.push(paragraph('Online.'));
  }
  const access = accessLabels(event.venue);
  if (!options.brief && access.length) blocks.push(heading('Access at the venue'), list(access));
  if (!options.brief && event.online) {
    blocks.push(heading('Joining online'));
    blocks.push(
      ...(options.joinUrl
        ? [action('Join the meeting online', options.joinUrl), paragraph('Please do not share this link.')]
        : [paragraph('We send the joining link to people who have a place.')]),
    );
  }
  if (input.cohosts.length) {
    blocks.push(
      heading('Who is running it'),
      paragraph(`${input.office.name} with ${joinWithAnd(input.cohosts)}.`),
    );
  }
  if (!options.brief && event.description.trim()) {
    blocks.push(heading('About the event'), ...paragraphs(event.description));
  }
  return blocks;
}

/** The recipient's private link, under a heading that says what it is for. */
export function manageSection(
  title: string,
  linkText: string,
  manageUrl: string,
  ...before: Block[]
): Block[] {
  return [heading(title), ...before, action(linkText, manageUrl)];
}

/**
 * How someone with a place changes or gives it up: their private link, after why cancelling
 * matters here. Their message carries a calendar REQUEST, so the note on its buttons comes too.
 */
export function placeSection(title: string, whyCancel: string, manageUrl: string): Block[] {
  return manageSection(
    title,
    'Change or cancel your place',
    manageUrl,
    paragraph(whyCancel),
    calendarButtonsNote(),
  );
}

/**
 * In every message whose calendar invite Gmail or Outlook may show with Yes/No buttons (any
 * REQUEST): their answers never reach us (the invite asks for none, RSVP=FALSE), so people must
 * not think tapping Yes booked them a place.
 */
const CALENDAR_BUTTONS_NOTE =
  'Your calendar may show Yes/No buttons: they do not reach us. Use the links in this email.';

export function calendarButtonsNote(): Block {
  return paragraph(CALENDAR_BUTTONS_NOTE);
}

/** Who to contact (the footer, which every message has, says who it is from). */
export function contactSection(office: Office): Block[] {
  return [
    heading('Questions or help'),
    contactOffice('If you have a question, or need something to help you take part', office),
  ];
}

/**
 * "<lead>, email <office> at … or call … (hours)." Whenever a message asks people to contact the
 * office, it says how.
 */
export function contactOffice(lead: string, office: Office): Block {
  return paragraph(
    `${lead}, email ${office.name} at `,
    link(office.email, `mailto:${office.email}`),
    ' or call ',
    link(office.phone, telHref(office.phone)),
    office.hours ? ` (${office.hours}).` : '.',
  );
}

/** Staff write descriptions with blank lines between paragraphs. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => lines(...part.split('\n')));
}
