import {
  ACCESS_LABELS,
  COHOSTS,
  OFFICE,
  RECIPIENT,
  TIMES,
  UID,
  URLS,
  VENUE,
  event,
  inviteInput,
  messageInput,
  parseCalendar,
} from '../test-support/notification-fixtures';
import type { EventSnapshot } from '../event-snapshot';
import { accessNeedArrangedMessage } from './access-need-arranged.message';
import { eventCancelledMessage } from './event-cancelled.message';
import { eventUpdatedMessage } from './event-updated.message';
import { invitationMessage } from './invitation.message';
import { manageLinkMessage, type ManageLinkStanding } from './manage-link.message';
import type { Message, MessageInput } from './message';
import { registrationConfirmationMessage } from './registration-confirmation.message';
import { reminderMessage } from './reminder.message';
import { waitlistPromotedMessage } from './waitlist-promoted.message';
import { waitlistedMessage } from './waitlisted.message';

interface Kind {
  build: (base: MessageInput) => Message;
  /** The calendar part expected: method, PARTSTAT and SEQUENCE; null for none. */
  calendar: { method: 'REQUEST' | 'CANCEL'; partstat: string; sequence: number } | null;
  /** Whether the recipient has a place, and so may see the joining link. */
  registered: boolean;
  /** Whether the message offers the private manage link. */
  manage: boolean;
  /** Whether it lists the venue's access features. */
  access: boolean;
}

const KINDS: Record<string, Kind> = {
  invitation: {
    build: (base) =>
      invitationMessage({
        ...base,
        ...inviteInput(0),
        acceptUrl: URLS.accept,
        declineUrl: URLS.decline,
        unsubscribeUrl: URLS.unsubscribe,
      }),
    calendar: { method: 'REQUEST', partstat: 'NEEDS-ACTION', sequence: 0 },
    registered: false,
    manage: true,
    access: true,
  },
  'registration confirmation': {
    build: (base) => registrationConfirmationMessage({ ...base, ...inviteInput(1), joinUrl: URLS.join }),
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED', sequence: 1 },
    registered: true,
    manage: true,
    access: true,
  },
  waitlisted: {
    build: (base) => waitlistedMessage({ ...base, position: 3 }),
    calendar: null,
    registered: false,
    manage: true,
    access: true,
  },
  'promoted from the waiting list': {
    build: (base) => waitlistPromotedMessage({ ...base, ...inviteInput(1), joinUrl: URLS.join }),
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED', sequence: 1 },
    registered: true,
    manage: true,
    access: true,
  },
  'update or reschedule': {
    build: (base) =>
      eventUpdatedMessage({
        ...base,
        ...inviteInput(4),
        joinUrl: URLS.join,
        previous: {
          ...base.event,
          startsAt: new Date('2026-06-01T09:00:00Z'),
          endsAt: new Date('2026-06-01T11:00:00Z'),
        },
      }),
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED', sequence: 4 },
    registered: true,
    manage: true,
    access: true,
  },
  cancellation: {
    build: (base) =>
      eventCancelledMessage({ ...base, ...inviteInput(5), reason: 'The library has flooded.' }),
    calendar: { method: 'CANCEL', partstat: 'ACCEPTED', sequence: 5 },
    registered: false,
    manage: false,
    access: false,
  },
  reminder: {
    build: (base) => reminderMessage({ ...base, ...inviteInput(2), offset: 'P1D', joinUrl: URLS.join }),
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED', sequence: 2 },
    registered: true,
    manage: true,
    access: true,
  },
  'access need arranged': {
    build: (base) =>
      accessNeedArrangedMessage({ ...base, arranged: ['a BSL interpreter'], joinUrl: URLS.join }),
    calendar: null,
    registered: true,
    manage: true,
    access: true,
  },
  ...Object.fromEntries(
    (['confirmed', 'waitlisted', 'attended', 'invited', 'declined', 'cancelled'] as ManageLinkStanding[]).map(
      (standing): [string, Kind] => [
        `link sent again (${standing})`,
        {
          build: (base) => manageLinkMessage({ ...base, standing, position: 2 }),
          calendar: null,
          registered: false,
          manage: true,
          access: false,
        },
      ],
    ),
  ),
};

const hybrid = (overrides: Partial<EventSnapshot> = {}) => event({ online: true, ...overrides });

describe.each(Object.entries(KINDS))('%s message', (_, kind) => {
  const message = kind.build(messageInput({ event: hybrid() }));

  it.each(Object.entries(TIMES))('shows a %s event in UK time, in the text and the HTML', (__, time) => {
    const built = kind.build(
      messageInput({ event: hybrid({ startsAt: new Date(time.startsAt), endsAt: new Date(time.endsAt) }) }),
    );
    expect(built.text).toContain(`${time.uk} (UK time)`);
    expect(built.html).toContain(`${time.uk} (UK time)`);
  });

  it('names the event in the subject, and the venue, co-hosts and who to contact in both parts', () => {
    expect(message.subject).toContain('Waiting for an EHC plan');
    for (const part of [message.text, message.html]) {
      for (const expected of [
        VENUE.name,
        VENUE.address,
        VENUE.postcode,
        ...COHOSTS,
        OFFICE.name,
        OFFICE.email,
        OFFICE.phone,
      ]) {
        expect(part).toContain(expected);
      }
    }
  });

  it(kind.access ? 'lists the venue access features' : 'leaves out the access features', () => {
    for (const label of ACCESS_LABELS) {
      expect(message.text.includes(label)).toBe(kind.access);
      expect(message.html.includes(label)).toBe(kind.access);
    }
  });

  it(kind.manage ? 'gives the private manage link' : 'gives no manage link', () => {
    expect(message.text.includes(URLS.manage)).toBe(kind.manage);
    expect(message.html.includes(`href="${URLS.manage}"`)).toBe(kind.manage);
  });

  it(kind.registered ? 'gives the joining link, as they have a place' : 'keeps the joining link back', () => {
    expect(message.text.includes(URLS.join)).toBe(kind.registered);
    expect(message.html.includes(URLS.join)).toBe(kind.registered);
    expect(message.calendar?.content.includes('meet.example.org') ?? false).toBe(
      kind.registered && kind.calendar !== null,
    );
  });

  // Gmail and Outlook show Yes/No buttons on any REQUEST; their answers are never read.
  const request = kind.calendar?.method === 'REQUEST';
  it(
    request
      ? 'says calendar Yes/No buttons do not reach us, in both parts, and asks the calendar for no reply'
      : 'has no calendar buttons to warn about',
    () => {
      const note =
        'Your calendar may show Yes/No buttons: they do not reach us. Use the links in this email.';
      expect(message.text.includes(note)).toBe(request);
      expect(message.html.includes(note)).toBe(request);
      if (message.calendar) expect(parseCalendar(message.calendar.content).attendee.rsvp).toBe('FALSE');
    },
  );

  if (kind.calendar) {
    const expected = kind.calendar;
    it(`carries a ${expected.method} invite for this recipient, UID and sequence`, () => {
      expect(message.calendar?.method).toBe(expected.method);
      const parsed = parseCalendar(message.calendar!.content);
      expect(parsed.method).toBe(expected.method);
      expect(parsed.item.uid).toBe(UID);
      expect(parsed.item.sequence).toBe(expected.sequence);
      expect(parsed.status).toBe(expected.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
      expect(parsed.attendee.mailto).toBe(`mailto:${RECIPIENT.email}`);
      expect(parsed.attendee.partstat).toBe(expected.partstat);
      expect(parsed.organizer.mailto).toBe(`mailto:${OFFICE.email}`);
      expect(parsed.item.startDate.toJSDate().getTime()).toBe(new Date(TIMES.summer.startsAt).getTime());
    });
  } else {
    it('has no calendar invite', () => {
      expect(message.calendar).toBeUndefined();
    });
  }

  it('is accessible HTML: language, title, one h1, section headings, no tables or images', () => {
    const { html } = message;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain(`<title>${message.subject}</title>`);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect((html.match(/<h2[ >]/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<table|<img/i);
  });

  it('gives every link text that makes sense on its own', () => {
    const links = [...message.html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const text of links) {
      expect(text.trim().length).toBeGreaterThan(3);
      expect(text).not.toMatch(/^(click here|here|link|more|read more)$/i);
    }
  });

  it('escapes every value it puts into the HTML', () => {
    const hostile = '<script>alert("x")</script>';
    const built = kind.build(
      messageInput({
        event: hybrid({
          title: `Title ${hostile}`,
          description: `About ${hostile}`,
          venue: { ...VENUE, name: `Venue ${hostile}` },
        }),
        recipient: { name: `Sam ${hostile}`, email: RECIPIENT.email },
        cohosts: [`Charity ${hostile}`],
        office: { ...OFFICE, name: `Office ${hostile}` },
      }),
    );
    expect(built.html).not.toContain('<script>');
    expect(built.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // The plain text part is not HTML: it keeps the name as written.
    expect(built.text).toContain(`Sam ${hostile}`);
  });

  it('is a pure function of its input', () => {
    expect(kind.build(messageInput({ event: hybrid() }))).toEqual(message);
  });
});
