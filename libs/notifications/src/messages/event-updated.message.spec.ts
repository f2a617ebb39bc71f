import {
  UID,
  URLS,
  VENUE,
  event,
  inviteInput,
  messageInput,
  parseCalendar,
} from '../test-support/notification-fixtures';
import type { EventSnapshot } from '../event-snapshot';
import { eventUpdatedMessage } from './event-updated.message';

const before = event();
const updated = (now: EventSnapshot, sequence = 3, partstat?: 'ACCEPTED' | 'NEEDS-ACTION') =>
  eventUpdatedMessage({
    ...messageInput({ event: now }),
    ...inviteInput(sequence),
    previous: before,
    joinUrl: URLS.join,
    partstat,
  });

describe('eventUpdatedMessage', () => {
  it('gives the old time and the new time in UK time', () => {
    const message = updated(
      event({ startsAt: new Date('2026-11-03T14:00:00Z'), endsAt: new Date('2026-11-03T16:00:00Z') }),
    );
    expect(message.subject).toBe('Change of time: Waiting for an EHC plan');
    expect(message.text).toContain(
      'Old time: Wednesday 1 July 2026, 10am to midday (UK time)\nNew time: Tuesday 3 November 2026, 2pm to 4pm (UK time)',
    );
    expect(message.text).not.toContain('Old place');
  });

  it('gives the old place and the new place', () => {
    const message = updated(
      event({
        venue: {
          name: 'Cornbow Hall',
          address: 'Hagley Street, Halesowen',
          postcode: 'B63 4AP',
          accessFeatures: ['parking'],
        },
      }),
    );
    expect(message.subject).toBe('Change of place: Waiting for an EHC plan');
    expect(message.text).toContain(
      `Old place: ${VENUE.name}, ${VENUE.address}, ${VENUE.postcode}\nNew place: Cornbow Hall, Hagley Street, Halesowen, B63 4AP`,
    );
    expect(message.text).toContain('- Parking');
    expect(message.text).not.toContain('Old time');
  });

  it('names both when the time and the place change, including a move online', () => {
    const message = updated(
      event({
        startsAt: new Date('2026-07-02T09:00:00Z'),
        endsAt: new Date('2026-07-02T11:00:00Z'),
        venue: null,
        online: true,
      }),
    );
    expect(message.subject).toBe('Change of time and place: Waiting for an EHC plan');
    expect(message.text).toContain('New place: Online');
    expect(message.text).toContain(URLS.join);
  });

  it('still says something useful when neither time nor place changed', () => {
    const message = updated(event({ description: 'Now with a guest speaker.' }));
    expect(message.subject).toBe('Update: Waiting for an EHC plan');
    expect(message.text).toContain('The details below are up to date.');
  });

  it('updates the same calendar item: same UID, the raised SEQUENCE, the new start', () => {
    const newStart = new Date('2026-11-03T14:00:00Z');
    const { item, method } = parseCalendar(
      updated(event({ startsAt: newStart, endsAt: new Date('2026-11-03T16:00:00Z') }), 7).calendar!.content,
    );
    expect(method).toBe('REQUEST');
    expect(item.uid).toBe(UID);
    expect(item.sequence).toBe(7);
    expect(item.startDate.toJSDate().getTime()).toBe(newStart.getTime());
  });

  it('tells someone who has not answered their invitation still stands, without the joining link', () => {
    const message = updated(
      event({
        startsAt: new Date('2026-11-03T14:00:00Z'),
        endsAt: new Date('2026-11-03T16:00:00Z'),
        online: true,
      }),
      3,
      'NEEDS-ACTION',
    );
    expect(message.text).toContain('Your invitation still stands.');
    expect(message.text).not.toContain(URLS.join);
    expect(parseCalendar(message.calendar!.content).attendee.partstat).toBe('NEEDS-ACTION');
  });
});

describe('eventUpdatedMessage for someone on the waiting list', () => {
  it('tells them of the change without a calendar invite, as they hold no calendar item', () => {
    const message = eventUpdatedMessage({
      ...messageInput(),
      ...inviteInput(1),
      previous: {
        ...event(),
        startsAt: new Date('2026-06-30T09:00:00Z'),
        endsAt: new Date('2026-06-30T11:00:00Z'),
      },
      onWaitlist: true,
    });
    expect(message.calendar).toBeUndefined();
    expect(message.text).toContain('You are still on the waiting list.');
    expect(message.text).not.toContain('calendar');
    expect(message.text).toContain('Leave the waiting list or change your details');
  });
});
