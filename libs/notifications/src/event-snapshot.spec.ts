import { EventEntity, Venue } from '@roundtable/events';
import { eventSnapshot } from './event-snapshot';

function entity(overrides: Partial<EventEntity> = {}): EventEntity {
  const venue = Object.assign(new Venue(), {
    id: '9d1f0c2a-1111-4222-8333-444455556666',
    name: 'Halesowen Library',
    address: 'Queensway, Halesowen',
    postcode: 'B63 4AZ',
    area: 'halesowen-north',
    capacity: 40,
    accessFeatures: ['step_free_access'],
  });
  return Object.assign(new EventEntity(), {
    id: '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f',
    title: 'Waiting for an EHC plan',
    description: 'Tell us what the wait has been like.',
    startsAt: new Date('2026-07-01T09:00:00Z'),
    endsAt: new Date('2026-07-01T11:00:00Z'),
    status: 'published',
    venue,
    venueId: venue.id,
    onlineUrl: 'https://meet.example.org/secret-room',
    sequence: 2,
    ...overrides,
  });
}

describe('eventSnapshot', () => {
  it('takes the facts messages show, and whether the event is online but never its joining link', () => {
    const snapshot = eventSnapshot(entity());
    expect(snapshot).toEqual({
      id: '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f',
      title: 'Waiting for an EHC plan',
      description: 'Tell us what the wait has been like.',
      startsAt: new Date('2026-07-01T09:00:00Z'),
      endsAt: new Date('2026-07-01T11:00:00Z'),
      status: 'published',
      venue: {
        name: 'Halesowen Library',
        address: 'Queensway, Halesowen',
        postcode: 'B63 4AZ',
        accessFeatures: ['step_free_access'],
      },
      online: true,
    });
    expect(JSON.stringify(snapshot)).not.toContain('secret-room');
  });

  it('gives an online-only event no venue, and an in-person one online: false', () => {
    expect(eventSnapshot(entity({ venue: null, venueId: null })).venue).toBeNull();
    expect(eventSnapshot(entity({ onlineUrl: null })).online).toBe(false);
  });
});
