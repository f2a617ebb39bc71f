import { inviteUid } from './invite-uid';

describe('inviteUid', () => {
  const eventId = '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';
  const registrationId = '7c0e5a4b-2d1f-4e3a-8b9c-0d1e2f3a4b5c';

  it('is rt-<eventId>-<attendeeKey>@roundtable, the same every time', () => {
    expect(inviteUid(eventId, registrationId)).toBe(`rt-${eventId}-${registrationId}@roundtable`);
    expect(inviteUid(eventId, registrationId)).toBe(inviteUid(eventId, registrationId));
  });

  it('differs per attendee and per event', () => {
    expect(inviteUid(eventId, 'a1')).not.toBe(inviteUid(eventId, 'a2'));
    expect(inviteUid('e1', 'a1')).not.toBe(inviteUid('e2', 'a1'));
  });

  it.each([
    ['an email address', eventId, 'sam.jones@example.org'],
    ['an empty key', eventId, ''],
    ['spaces', eventId, 'sam jones'],
    ['a line break', `${eventId}\r\nATTENDEE:x`, 'a1'],
  ])('refuses %s, and does not repeat the value in its error', (_, event, key) => {
    expect(() => inviteUid(event, key)).toThrow(/must be an id/);
    try {
      inviteUid(event, key);
    } catch (error) {
      expect((error as Error).message).not.toContain('example.org');
    }
  });
});
