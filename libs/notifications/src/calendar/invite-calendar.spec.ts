import { foldLines } from 'ical-generator';
import ICAL from 'ical.js';
import {
  EVENT_ID,
  OFFICE,
  RECIPIENT,
  STAMP,
  TIMES,
  UID,
  URLS,
  event,
  parseCalendar,
} from '../test-support/notification-fixtures';
import { icalGeneratorInvite } from '../test-support/ical-generator-invite';
import { buildInviteCalendar, type InviteCalendarInput } from './invite-calendar';
import { foldLine } from './icalendar-lines';

function input(overrides: Partial<InviteCalendarInput> = {}): InviteCalendarInput {
  return {
    event: event(),
    attendee: { ...RECIPIENT },
    organizer: { name: OFFICE.name, email: OFFICE.email },
    uid: UID,
    sequence: 0,
    method: 'REQUEST',
    stamp: STAMP,
    eventUrl: URLS.event,
    manageUrl: URLS.manage,
    ...overrides,
  };
}

const millis = (time: ICAL.Time) => time.toJSDate().getTime();

describe('buildInviteCalendar: REQUEST', () => {
  it('is an iTIP REQUEST with the given UID, SEQUENCE and DTSTAMP', () => {
    const parsed = parseCalendar(buildInviteCalendar(input({ sequence: 3 })));
    expect(parsed.method).toBe('REQUEST');
    expect(parsed.item.uid).toBe(UID);
    expect(parsed.item.sequence).toBe(3);
    expect(millis(parsed.vevent.getFirstPropertyValue('dtstamp') as ICAL.Time)).toBe(STAMP.getTime());
    expect(parsed.status).toBe('CONFIRMED');
    expect(parsed.item.summary).toBe('Waiting for an EHC plan');
  });

  it.each(Object.entries(TIMES))('puts a %s event at exactly its start and end, in UTC', (_, time) => {
    const ics = buildInviteCalendar(
      input({ event: event({ startsAt: new Date(time.startsAt), endsAt: new Date(time.endsAt) }) }),
    );
    const { item, vevent, calendar } = parseCalendar(ics);
    expect(millis(item.startDate)).toBe(new Date(time.startsAt).getTime());
    expect(millis(item.endDate)).toBe(new Date(time.endsAt).getTime());
    // UTC times need no VTIMEZONE; a TZID without one puts Outlook an hour out.
    expect(item.startDate.zone?.tzid).toBe('UTC');
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBeUndefined();
    expect(calendar.getAllSubcomponents('vtimezone')).toEqual([]);
    expect(ics).toMatch(/^DTSTART:\d{8}T\d{6}Z\r?$/m);
  });

  it('names the office as ORGANIZER and the recipient as the one ATTENDEE, asked for no calendar reply', () => {
    const { organizer, attendee, vevent } = parseCalendar(buildInviteCalendar(input()));
    expect(organizer).toEqual({ mailto: `mailto:${OFFICE.email}`, cn: OFFICE.name });
    expect(attendee).toEqual({
      mailto: `mailto:${RECIPIENT.email}`,
      cn: RECIPIENT.name,
      partstat: 'NEEDS-ACTION',
      rsvp: 'FALSE',
    });
    expect(vevent.getFirstProperty('attendee')!.getParameter('role')).toBe('REQ-PARTICIPANT');
  });

  it.each([
    ['an invitation', 'REQUEST', 'NEEDS-ACTION'],
    ['a confirmed place', 'REQUEST', 'ACCEPTED'],
    ['a cancellation', 'CANCEL', 'ACCEPTED'],
  ] as const)('asks no calendar for a reply on %s: RSVP=FALSE on every ATTENDEE', (_, method, partstat) => {
    const ics = buildInviteCalendar(input({ method, partstat }));
    const { vevent } = parseCalendar(ics);
    const attendees = vevent.getAllProperties('attendee');
    expect(attendees.length).toBeGreaterThan(0);
    for (const attendee of attendees) expect(attendee.getParameter('rsvp')).toBe('FALSE');
    expect(ics).not.toMatch(/RSVP=TRUE/i);
  });

  it('says in the item that its Yes/No buttons do not reach us, beside the link to answer', () => {
    const { item } = parseCalendar(buildInviteCalendar(input()));
    expect(item.description).toContain(
      `Answer the invitation: ${URLS.manage}\n\nYour calendar may show Yes/No buttons: they do not reach us. Use the link above.`,
    );
  });

  it('shows a confirmed registration as ACCEPTED and asks for no reply', () => {
    const { attendee } = parseCalendar(buildInviteCalendar(input({ partstat: 'ACCEPTED' })));
    expect(attendee.partstat).toBe('ACCEPTED');
    expect(attendee.rsvp).toBe('FALSE');
  });

  it('says where, how to get in, and where to answer or change the place', () => {
    const { item, vevent } = parseCalendar(buildInviteCalendar(input()));
    expect(item.location).toBe('Halesowen Library, Queensway, Halesowen, B63 4AZ');
    expect(item.description).toContain('Tell us what the wait has been like.');
    expect(item.description).toContain('Access: Step-free access, Hearing loop, Quiet room.');
    expect(item.description).toContain(`Answer the invitation: ${URLS.manage}`);
    expect(item.description).toContain(`Event details: ${URLS.event}`);
    expect(vevent.getFirstPropertyValue('url')).toBe(URLS.event);
    const accepted = parseCalendar(buildInviteCalendar(input({ partstat: 'ACCEPTED' })));
    expect(accepted.item.description).toContain(`Change or cancel your place: ${URLS.manage}`);
  });

  it('carries the joining link only when given, and says where for online and hybrid events', () => {
    const online = event({ venue: null, online: true });
    const withoutLink = buildInviteCalendar(input({ event: online }));
    expect(parseCalendar(withoutLink).item.location).toBe('Online');
    expect(withoutLink).not.toContain('meet.example.org');
    const withLink = parseCalendar(buildInviteCalendar(input({ event: online, joinUrl: URLS.join })));
    expect(withLink.item.description).toContain(`Join online: ${URLS.join}`);
    const hybrid = parseCalendar(buildInviteCalendar(input({ event: event({ online: true }) })));
    expect(hybrid.item.location).toBe('Halesowen Library, Queensway, Halesowen, B63 4AZ, or online');
  });

  it('keeps names with quotes, line breaks and markup readable by other parsers', () => {
    const { attendee, organizer } = parseCalendar(
      buildInviteCalendar(
        input({
          attendee: { name: 'Sam "Sammy" <script>x</script>\r\nJones', email: RECIPIENT.email },
          organizer: { name: 'Office; of "the" MP', email: OFFICE.email },
        }),
      ),
    );
    expect(attendee.mailto).toBe(`mailto:${RECIPIENT.email}`);
    expect(attendee.cn).toBe("Sam 'Sammy' <script>x</script> Jones");
    expect(organizer).toEqual({ mailto: `mailto:${OFFICE.email}`, cn: "Office; of 'the' MP" });
  });

  it('keeps a stored title that tries to add an event as the text of one event, without controls', () => {
    const title =
      'Tea and talk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Pay your deposit at pay.example\u0000\u202E';
    const ics = buildInviteCalendar(
      input({ event: event({ title, description: 'Bring\u0007 a friend\r\nor two\u200B' }) }),
    );
    const { item } = parseCalendar(ics);
    expect(item.summary).toBe('Tea and talk END:VEVENT BEGIN:VEVENT SUMMARY:Pay your deposit at pay.example');
    expect(item.description).toContain('Bring a friend\nor two');
    expect(ics.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\p{Cc}|\u200b|\u202e/u);
  });

  it('keeps names free of direction overrides and controls', () => {
    const { attendee } = parseCalendar(
      buildInviteCalendar(input({ attendee: { name: 'Sam\u202E Jones\u0000', email: RECIPIENT.email } })),
    );
    expect(attendee.cn).toBe('Sam Jones');
  });

  it('refuses a sequence that is not a whole number and an address that would break the file', () => {
    expect(() => buildInviteCalendar(input({ sequence: -1 }))).toThrow(/sequence/);
    expect(() => buildInviteCalendar(input({ sequence: 1.5 }))).toThrow(/sequence/);
    expect(() => buildInviteCalendar(input({ attendee: { name: 'x', email: 'a@b.org\r\nX:y' } }))).toThrow(
      /attendee/,
    );
    expect(() => buildInviteCalendar(input({ organizer: { name: 'x', email: 'not an address' } }))).toThrow(
      /organizer/,
    );
  });

  it('refuses to send a REQUEST for a cancelled event, which would put it back in calendars', () => {
    expect(() => buildInviteCalendar(input({ event: event({ status: 'cancelled' }) }))).toThrow(/cancelled/);
    const cancel = buildInviteCalendar(
      input({ event: event({ status: 'cancelled' }), method: 'CANCEL', sequence: 1 }),
    );
    expect(parseCalendar(cancel).status).toBe('CANCELLED');
  });

  it('never puts the email address in the UID and is a pure function of its input', () => {
    const ics = buildInviteCalendar(input());
    expect(parseCalendar(ics).item.uid).not.toContain(RECIPIENT.email);
    expect(parseCalendar(ics).item.uid).toContain(EVENT_ID);
    expect(buildInviteCalendar(input())).toBe(ics);
  });
});

describe('buildInviteCalendar: CANCEL', () => {
  it('cancels the same UID with the raised SEQUENCE and STATUS:CANCELLED', () => {
    const request = parseCalendar(buildInviteCalendar(input({ sequence: 2, partstat: 'ACCEPTED' })));
    const cancel = parseCalendar(
      buildInviteCalendar(
        input({
          method: 'CANCEL',
          sequence: 3,
          partstat: 'ACCEPTED',
          cancelReason: 'The library has flooded.',
        }),
      ),
    );
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.item.uid).toBe(request.item.uid);
    expect(cancel.item.sequence).toBe(3);
    expect(cancel.status).toBe('CANCELLED');
    expect(cancel.organizer.mailto).toBe(`mailto:${OFFICE.email}`);
    expect(cancel.attendee.mailto).toBe(`mailto:${RECIPIENT.email}`);
    expect(cancel.attendee.rsvp).toBe('FALSE');
    expect(millis(cancel.item.startDate)).toBe(new Date(TIMES.summer.startsAt).getTime());
    expect(cancel.item.description).toMatch(/^This event is cancelled. The library has flooded./);
  });

  it('offers no manage or joining link for an event that is not happening', () => {
    const ics = buildInviteCalendar(input({ method: 'CANCEL', sequence: 1, joinUrl: URLS.join }));
    expect(ics).not.toContain('manage-token');
    expect(ics).not.toContain('meet.example.org');
  });
});

describe('buildInviteCalendar: the file itself', () => {
  // Characters of 1, 2, 3 and 4 octets, and the escapes, slid across every fold position.
  const awkward = ['a', 'é', '€', '😀', ';', ',', '\\', '\n'];
  const descriptions = [
    '',
    'Tell us what the wait has been like.',
    ...awkward.flatMap((character) =>
      Array.from({ length: 8 }, (_, shift) => `${'x'.repeat(60 + shift)}${character.repeat(40)} end`),
    ),
    'Zoë, Siân and Łukasz 😀😀 ask: "what next?"\n\nParagraph two; with a semicolon, and a comma.',
    '\ud83d lone high surrogate, then a lone low \ude00 and a pair \ud83d\ude00',
  ];
  const cases: Array<[string, Partial<InviteCalendarInput>]> = [
    ['an invitation', {}],
    ['a confirmed place with the joining link', { partstat: 'ACCEPTED', joinUrl: URLS.join }],
    [
      'a cancellation with a reason',
      { method: 'CANCEL', sequence: 4, cancelReason: 'Flooded; closed, sorry.' },
    ],
    ['co-hosts', { cohosts: ['Parents, Carers & Co', 'SENDIAS Dudley'] }],
    ['an online event', { event: event({ venue: null, online: true }) }],
    [
      'awkward names',
      { attendee: { name: 'Zoë "Z" O\'Brien\\; x, y 😀'.repeat(3), email: RECIPIENT.email } },
    ],
    ['an attendee without a name', { attendee: { name: '', email: RECIPIENT.email } }],
    ['a long title', { event: event({ title: 'Waiting for an EHC plan: '.repeat(6) + 'Łódź 😀' }) }],
  ];

  it.each(cases)('is byte for byte what ical-generator wrote: %s', (_, overrides) => {
    for (const description of descriptions) {
      const given = input({ ...overrides, event: { ...(overrides.event ?? event()), description } });
      expect(buildInviteCalendar(given)).toBe(icalGeneratorInvite(given));
    }
  });

  it('folds every line to 75 octets at most, never inside a character, and parses back whole', () => {
    for (const description of descriptions.slice(0, -1)) {
      const ics = buildInviteCalendar(input({ event: event({ description }), cohosts: ['Łódź 😀 Trust'] }));
      for (const line of ics.split('\r\n')) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        // A line cut inside a UTF-8 sequence (or a surrogate pair) would not decode as itself.
        expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
        expect(line).not.toMatch(/[\ud800-\udbff]$/);
      }
      expect(parseCalendar(ics).item.description).toContain(description.trim());
    }
  });

  it('leaves a short ASCII line as it is and folds a long one after 74 octets, then 74 a line', () => {
    expect(foldLine('SUMMARY:Tea')).toBe('SUMMARY:Tea');
    const folded = foldLine('x'.repeat(74 + 74 + 10));
    expect(folded).toBe(`${'x'.repeat(74)}\r\n ${'x'.repeat(74)}\r\n ${'x'.repeat(10)}`);
    expect(foldLine(`${'x'.repeat(73)}😀`)).toBe(`${'x'.repeat(73)}\r\n 😀`);
  });

  it('folds as ical-generator folds, lone surrogate halves included', () => {
    const pieces = ['a', 'é', '€', '😀', '\ud83d', '\ude00', '\ud83d\ud83d', 'x\ud83d'];
    for (const piece of pieces) {
      for (let shift = 0; shift < 6; shift += 1) {
        const line = `${'y'.repeat(68 + shift)}${piece.repeat(30)}`;
        expect(foldLine(line)).toBe(foldLines(line));
      }
    }
  });
});
