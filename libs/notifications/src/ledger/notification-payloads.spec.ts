import { PayloadError, previousEventFromPayload, previousEventPayload } from './notification-payloads';

describe('the update payload', () => {
  const startsAt = new Date('2026-07-01T09:00:00Z');
  const endsAt = new Date('2026-07-01T11:00:00Z');

  it('carries where and when the event was, as JSON, and reads back the same', () => {
    const venue = {
      name: 'Halesowen Library',
      address: 'Queensway',
      postcode: 'B63 4AZ',
      accessFeatures: ['hearing_loop'],
    };
    const payload = previousEventPayload({
      startsAt,
      endsAt,
      onlineUrl: 'https://meet.example.org/x',
      venue,
    });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(previousEventFromPayload(payload)).toEqual({ startsAt, endsAt, online: true, venue });
  });

  it('reads back an event that was online only', () => {
    const payload = previousEventPayload({
      startsAt,
      endsAt,
      onlineUrl: 'https://meet.example.org/x',
      venue: null,
    });
    expect(previousEventFromPayload(payload)).toEqual({ startsAt, endsAt, online: true, venue: null });
  });

  it('refuses a payload without the previous times', () => {
    expect(() => previousEventFromPayload({})).toThrow(PayloadError);
  });
});
