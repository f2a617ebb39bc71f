import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import type Mail from 'nodemailer/lib/mailer';
import type { EventSnapshot } from '../event-snapshot';
import { composeMessage } from '../mail/composed-message';
import type { InviteInput, MessageInput } from '../messages/message';

/** Shared test data and parsers for the notifications specs. Excluded from the build. */

export const EVENT_ID = '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';
export const REGISTRATION_ID = '7c0e5a4b-2d1f-4e3a-8b9c-0d1e2f3a4b5c';
export const UID = `rt-${EVENT_ID}-${REGISTRATION_ID}@roundtable`;
export const STAMP = new Date('2026-05-01T08:00:00Z');

/**
 * Times and how people in the UK must read them, written out by hand so the tests do not trust
 * the formatter they check.
 */
export const TIMES = {
  summer: {
    startsAt: '2026-07-01T09:00:00Z',
    endsAt: '2026-07-01T11:00:00Z',
    uk: 'Wednesday 1 July 2026, 10am to midday',
  },
  winter: {
    startsAt: '2026-01-20T10:00:00Z',
    endsAt: '2026-01-20T12:30:00Z',
    uk: 'Tuesday 20 January 2026, 10am to 12:30pm',
  },
  clocksForward: {
    startsAt: '2026-03-29T09:00:00Z',
    endsAt: '2026-03-29T11:00:00Z',
    uk: 'Sunday 29 March 2026, 10am to midday',
  },
  acrossClocksBack: {
    startsAt: '2026-10-25T00:30:00Z',
    endsAt: '2026-10-25T02:30:00Z',
    uk: 'Sunday 25 October 2026, 1:30am to 2:30am',
  },
} as const;

export const URLS = {
  event: `https://roundtable.example/events/${EVENT_ID}`,
  manage: 'https://roundtable.example/r/manage-token-abc123',
  accept: 'https://roundtable.example/r/manage-token-abc123/accept',
  decline: 'https://roundtable.example/r/manage-token-abc123/decline',
  unsubscribe: 'https://roundtable.example/unsubscribe/unsub-token-xyz789',
  join: 'https://meet.example.org/halesowen-send-room',
} as const;

/**
 * The one test office: message specs use it as is, and test apps get it as their OFFICE_*
 * settings (see test/support/test-office.ts), so a delivered email's footer can be checked against it.
 */
export const OFFICE = {
  name: 'Halesowen Constituency Office',
  email: 'office@roundtable.test',
  phone: '0121 496 0100',
  address: '2 Test Row, Halesowen B63 0TT',
  hours: 'Monday to Friday, 10am to 4pm',
};
export const RECIPIENT = { name: 'Sam Jones', email: 'sam.jones@example.org' };
export const COHOSTS = ['Halesowen Parent Carer Forum', 'Dudley SEND Support'];
export const VENUE = {
  name: 'Halesowen Library',
  address: 'Queensway, Halesowen',
  postcode: 'B63 4AZ',
  accessFeatures: ['step_free_access', 'hearing_loop', 'quiet_room'],
};
export const ACCESS_LABELS = ['Step-free access', 'Hearing loop', 'Quiet room'];

export function event(overrides: Partial<EventSnapshot> = {}): EventSnapshot {
  return {
    id: EVENT_ID,
    title: 'Waiting for an EHC plan',
    description: 'Tell us what the wait has been like.',
    startsAt: new Date(TIMES.summer.startsAt),
    endsAt: new Date(TIMES.summer.endsAt),
    status: 'published',
    venue: { ...VENUE, accessFeatures: [...VENUE.accessFeatures] },
    online: false,
    ...overrides,
  };
}

export function messageInput(overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    event: event(),
    recipient: { ...RECIPIENT },
    office: { ...OFFICE },
    cohosts: [...COHOSTS],
    eventUrl: URLS.event,
    manageUrl: URLS.manage,
    ...overrides,
  };
}

export function inviteInput(sequence = 0): InviteInput {
  return { uid: UID, sequence, stamp: STAMP };
}

/** Parses with ical.js, a parser independent of the generator, and returns the one VEVENT. */
export function parseCalendar(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const vevent = vevents[0];
  const attendees = vevent.getAllProperties('attendee');
  expect(attendees).toHaveLength(1);
  const organizer = vevent.getFirstProperty('organizer')!;
  return {
    calendar,
    vevent,
    item: new ICAL.Event(vevent),
    method: calendar.getFirstPropertyValue('method'),
    status: vevent.getFirstPropertyValue('status'),
    attendee: {
      mailto: String(attendees[0].getFirstValue()).toLowerCase(),
      cn: attendees[0].getParameter('cn'),
      partstat: attendees[0].getParameter('partstat'),
      rsvp: attendees[0].getParameter('rsvp'),
    },
    organizer: { mailto: String(organizer.getFirstValue()).toLowerCase(), cn: organizer.getParameter('cn') },
  };
}

/** The message as MailTransport composes it to send, and as mailparser reads it back. */
export async function composeAndParse(options: Mail.Options): Promise<{ raw: string; parsed: ParsedMail }> {
  const { raw } = await composeMessage(options);
  return { raw: raw.toString('utf8'), parsed: await simpleParser(raw) };
}

/**
 * The parts directly inside the message's multipart/alternative, read from the raw MIME: each
 * part's headers (unfolded, lower-case names) and body.
 */
export function alternativeParts(raw: string): { headers: Record<string, string>; body: string }[] {
  const boundary = /Content-Type: multipart\/alternative;\s*boundary="([^"]+)"/i.exec(raw)?.[1];
  if (!boundary) throw new Error('no multipart/alternative in the message');
  const sections = raw.split(`--${boundary}`);
  return sections.slice(1, -1).map((section) => {
    const [head, ...rest] = section.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const headers: Record<string, string> = {};
    for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    return { headers, body: rest.join('\n\n') };
  });
}
