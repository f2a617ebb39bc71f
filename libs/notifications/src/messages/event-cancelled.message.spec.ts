import { UID, inviteInput, messageInput, parseCalendar } from '../test-support/notification-fixtures';
import { eventCancelledMessage } from './event-cancelled.message';
import { registrationConfirmationMessage } from './registration-confirmation.message';

describe('eventCancelledMessage', () => {
  const base = messageInput();

  it('says sorry, says why, and says nothing needs doing', () => {
    const message = eventCancelledMessage({ ...base, ...inviteInput(3), reason: 'The library has flooded.' });
    expect(message.subject).toBe('Cancelled: Waiting for an EHC plan, Wednesday 1 July 2026');
    expect(message.text).toContain('We are sorry. We have had to cancel Waiting for an EHC plan');
    expect(message.text).toContain('Why it is cancelled\nThe library has flooded.');
    expect(message.text).toContain('You do not need to do anything.');
  });

  it('leaves out the reason heading when there is no reason', () => {
    expect(eventCancelledMessage({ ...base, ...inviteInput(3), reason: '  ' }).text).not.toContain(
      'Why it is cancelled',
    );
  });

  it('cancels the very calendar item the confirmation added', () => {
    const confirmation = parseCalendar(
      registrationConfirmationMessage({ ...base, ...inviteInput(2) }).calendar!.content,
    );
    const message = eventCancelledMessage({ ...base, ...inviteInput(3), reason: 'The library has flooded.' });
    expect(message.calendar!.method).toBe('CANCEL');
    const cancel = parseCalendar(message.calendar!.content);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.item.uid).toBe(confirmation.item.uid);
    expect(cancel.item.uid).toBe(UID);
    expect(cancel.item.sequence).toBeGreaterThan(confirmation.item.sequence);
    expect(cancel.status).toBe('CANCELLED');
    expect(cancel.item.description).toContain('The library has flooded.');
  });
});
