import ICAL from 'ical.js';
import { EventEntity } from '../events/event.entity';
import { Venue } from '../venues/venue.entity';
import { buildEventCalendar, eventFeedUid } from './event-calendar';

const EVENT_ID = '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';

function venue(): Venue {
  return Object.assign(new Venue(), {
    id: '9d1f0c2a-1111-4222-8333-444455556666',
    name: 'Halesowen Library',
    address: 'Queensway, Halesowen',
    postcode: 'B63 4AZ',
    area: 'halesowen-north',
    capacity: 40,
    accessFeatures: ['step_free_access', 'hearing_loop'],
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

function event(overrides: Partial<EventEntity> = {}): EventEntity {
  const place = venue();
  return Object.assign(new EventEntity(), {
    id: EVENT_ID,
    title: 'Waiting for an EHC plan',
    kind: 'listening_event',
    description: 'Tell us what the wait has been like.',
    startsAt: new Date('2026-07-01T09:00:00Z'),
    endsAt: new Date('2026-07-01T11:00:00Z'),
    venue: place,
    venueId: place.id,
    onlineUrl: null,
    capacity: 40,
    reminderOffsets: ['P7D', 'P1D', 'PT2H'],
    status: 'published',
    sequence: 2,
    cancelReason: null,
    publishedAt: new Date('2026-01-15T12:00:00Z'),
    cancelledAt: null,
    createdById: null,
    createdAt: new Date('2026-01-15T12:00:00Z'),
    updatedAt: new Date('2026-01-15T12:00:00Z'),
    ...overrides,
  });
}

const options = {
  eventUrl: `https://roundtable.example/events/${EVENT_ID}`,
  stamp: new Date('2026-01-15T12:00:00Z'),
};

/** Parses the feed with ical.js, a parser independent of the generator, and returns the one VEVENT. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  return { calendar, vevent: vevents[0], item: new ICAL.Event(vevents[0]) };
}

describe('buildEventCalendar', () => {
  it('is a PUBLISH feed with one event whose UID is the stable feed UID', () => {
    const { calendar, item } = parse(buildEventCalendar(event(), options));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(item.uid).toBe(eventFeedUid(EVENT_ID));
    expect(eventFeedUid(EVENT_ID)).toBe(eventFeedUid(EVENT_ID));
    expect(item.sequence).toBe(2);
    expect(item.summary).toBe('Waiting for an EHC plan');
  });

  it.each([
    ['summer (BST)', '2026-07-01T09:00:00Z', '2026-07-01T11:00:00Z'],
    ['winter (GMT)', '2026-01-20T10:00:00Z', '2026-01-20T12:30:00Z'],
    ['across the clocks going back', '2026-10-24T23:30:00Z', '2026-10-25T02:30:00Z'],
  ])('puts a %s event at exactly its start and end', (_, startsAt, endsAt) => {
    const { item } = parse(
      buildEventCalendar(event({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) }), options),
    );
    expect(item.startDate.toJSDate().getTime()).toBe(new Date(startsAt).getTime());
    expect(item.endDate.toJSDate().getTime()).toBe(new Date(endsAt).getTime());
  });

  it('says where, how to get in and where to read more', () => {
    const { vevent, item } = parse(buildEventCalendar(event(), options));
    expect(item.location).toBe('Halesowen Library, Queensway, Halesowen, B63 4AZ');
    expect(item.description).toContain('Tell us what the wait has been like.');
    expect(item.description).toContain('Step-free access, Hearing loop');
    expect(vevent.getFirstPropertyValue('url')).toBe(options.eventUrl);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).toBe(
      options.stamp.getTime(),
    );
  });

  it('names no attendee and no organiser address: a published feed is not an invitation', () => {
    const ics = buildEventCalendar(event(), options);
    const { vevent } = parse(ics);
    expect(vevent.getAllProperties('attendee')).toEqual([]);
    expect(ics).not.toMatch(/^ATTENDEE/m);
  });

  it('marks a cancelled event CANCELLED and says why', () => {
    const { vevent, item } = parse(
      buildEventCalendar(
        event({ status: 'cancelled', sequence: 3, cancelReason: 'The venue has flooded.' }),
        options,
      ),
    );
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(item.sequence).toBe(3);
    expect(item.description).toMatch(/^This event is cancelled. The venue has flooded./);
  });

  it('gives an online-only event the location Online, without the joining link', () => {
    const ics = buildEventCalendar(
      event({ venue: null, venueId: null, onlineUrl: 'https://meet.example.org/secret-room' }),
      options,
    );
    const { item } = parse(ics);
    expect(item.location).toBe('Online');
    expect(ics).not.toContain('secret-room');
  });

  it('is a pure function of its inputs', () => {
    expect(buildEventCalendar(event(), options)).toBe(buildEventCalendar(event(), options));
  });
});

/**
 * Titles stored before the text rule refused line breaks: the feed's calendar name was written
 * unescaped, so a title could add whole events that calendar clients accepted.
 */
describe('buildEventCalendar with hostile stored text', () => {
  const INJECTED_EVENT =
    'BEGIN:VEVENT\r\nUID:injected@evil\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260701T090000Z\r\n' +
    'SUMMARY:Pay your deposit at pay.example\r\nEND:VEVENT';

  it.each([
    ['a whole VEVENT', `Tea and talk\r\n${INJECTED_EVENT}`],
    [
      'the end of ours and a new one',
      'Tea and talk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Pay your deposit at pay.example',
    ],
    ['bare line feeds and a NUL', `Tea and talk\n${INJECTED_EVENT.replace(/\r\n/g, '\n')}\u0000`],
  ])('keeps a title holding %s as the text of one event', (_, title) => {
    const ics = buildEventCalendar(event({ title }), options);
    const { calendar, item } = parse(ics);
    const flattened = title.replace(/\r?\n|\p{Cc}/gu, ' ').trim();
    expect(item.summary).toBe(flattened);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toContain(
      'SUMMARY:Pay your deposit at pay.example',
    );
    expect(ics).not.toMatch(/^SUMMARY:Pay/m);
    expect(ics.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\p{Cc}/u);
  });

  it('escapes the calendar name as RFC 5545 text', () => {
    const ics = buildEventCalendar(event({ title: 'Tea, cake; and a \\ backslash' }), options);
    expect(ics).toContain('X-WR-CALNAME:Tea\\, cake\\; and a \\\\ backslash\r\n');
    expect(parse(ics).item.summary).toBe('Tea, cake; and a \\ backslash');
  });

  it('drops direction overrides and controls from stored descriptions, places and reasons', () => {
    const ics = buildEventCalendar(
      event({
        description: 'Bring\u202E a friend\u0007\r\nSecond line',
        status: 'cancelled',
        cancelReason: 'Flood\u0000ed',
        venue: Object.assign(venue(), { address: 'Queensway\u0000\r\nHalesowen' }),
      }),
      options,
    );
    const { item } = parse(ics);
    expect(item.description).toContain('Bring a friend\nSecond line');
    expect(item.description).toContain('This event is cancelled. Flooded');
    expect(item.location).toBe('Halesowen Library, Queensway\nHalesowen, B63 4AZ');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\p{Cc}|\u202e/u);
  });
});
