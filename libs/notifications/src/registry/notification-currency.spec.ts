import { whyNotCurrent } from './notification-currency';

/** libs/registrations' statuses, named here as strings: this library does not import it. */
type RegistrationStatus = 'invited' | 'confirmed' | 'waitlisted' | 'declined' | 'cancelled' | 'attended';

const row = (kind: string, eventSequence = 2) => ({ kind, eventSequence, recipientEmail: 'sam@example.org' });
const published = { sequence: 2, status: 'published' as const };
const cancelled = { sequence: 3, status: 'cancelled' as const };
const registration = (status: RegistrationStatus) => ({ status });

describe('whyNotCurrent', () => {
  it.each([
    ['invitation', 'invited'],
    ['confirmation', 'confirmed'],
    ['waitlisted', 'waitlisted'],
    ['promoted', 'confirmed'],
    ['update', 'confirmed'],
    ['update', 'invited'],
    ['update', 'waitlisted'],
    ['registration-cancelled', 'cancelled'],
    ['registration-cancelled', 'declined'],
    ['reminder', 'confirmed'],
    ['access-arranged', 'confirmed'],
  ] as const)('sends a %s to a registration that is %s', (kind, status) => {
    expect(whyNotCurrent(row(kind), published, registration(status))).toBeNull();
  });

  it.each(['confirmed', 'invited', 'waitlisted'] as const)(
    'sends the cancellation of a cancelled event to a registration that is %s',
    (status) => {
      expect(whyNotCurrent(row('cancellation', 3), cancelled, registration(status))).toBeNull();
    },
  );

  it('supersedes an invitation to an address that unsubscribed after it was planned', () => {
    const unsubscribed = { unsubscribed: true };
    expect(whyNotCurrent(row('invitation'), published, registration('invited'), unsubscribed)).toBe(
      'the recipient has unsubscribed',
    );
    // Messages about a place they hold are not invitations, and still go.
    expect(whyNotCurrent(row('reminder'), published, registration('confirmed'), unsubscribed)).toBeNull();
    expect(whyNotCurrent(row('update'), published, registration('invited'), unsubscribed)).toBeNull();
  });

  it('supersedes a row planned before the event moved on', () => {
    expect(whyNotCurrent(row('reminder', 1), published, registration('confirmed'))).toBe(
      'the event changed since it was planned (sequence 1, now 2)',
    );
  });

  it('sends nothing but the cancellation for a cancelled event', () => {
    expect(whyNotCurrent(row('reminder', 3), cancelled, registration('confirmed'))).toBe(
      'the event is cancelled',
    );
    expect(whyNotCurrent(row('cancellation'), published, registration('confirmed'))).toBe(
      'the event is not cancelled',
    );
  });

  it('sends nothing about a draft', () => {
    expect(whyNotCurrent(row('invitation'), { sequence: 2, status: 'draft' }, registration('invited'))).toBe(
      'the event is not published',
    );
  });

  it.each([
    ['reminder', 'cancelled'],
    ['reminder', 'waitlisted'],
    ['waitlisted', 'confirmed'],
    ['invitation', 'declined'],
    ['confirmation', 'cancelled'],
    ['access-arranged', 'cancelled'],
    ['cancellation', 'declined'],
    ['registration-cancelled', 'confirmed'],
  ] as const)('does not send a %s to a registration that is %s', (kind, status) => {
    const event = kind === 'cancellation' ? cancelled : published;
    const reason = whyNotCurrent(row(kind, event.sequence), event, registration(status));
    expect(reason).toBe(`a ${kind} is not for a registration that is ${status}`);
  });

  it('sends nothing to someone erased', () => {
    expect(whyNotCurrent(row('reminder'), published, null)).toBe('the recipient has been erased');
    expect(
      whyNotCurrent({ ...row('reminder'), recipientEmail: '' }, published, registration('confirmed')),
    ).toBe('the recipient has been erased');
  });
});

describe('whyNotCurrent, for a message to staff', () => {
  const late = { kind: 'access-tasks-late', eventSequence: 1, recipientEmail: 'organiser@example.org' };

  it('sends with no registration, even after the event moved on', () => {
    expect(whyNotCurrent(late, published, null)).toBeNull();
  });

  it('sends nothing about a cancelled event or a draft', () => {
    expect(whyNotCurrent(late, cancelled, null)).toBe('the event is cancelled');
    expect(whyNotCurrent(late, { sequence: 1, status: 'draft' }, null)).toBe('the event is not published');
  });
});
