import { inviteInput, messageInput, parseCalendar } from '../test-support/notification-fixtures';
import { registrationConfirmationMessage } from './registration-confirmation.message';

describe('registrationConfirmationMessage', () => {
  it('confirms the place with an ACCEPTED invite that asks for no answer', () => {
    const message = registrationConfirmationMessage({ ...messageInput(), ...inviteInput(0) });
    expect(message.subject).toBe('Your place is booked: Waiting for an EHC plan, Wednesday 1 July 2026');
    expect(message.text).toContain('Your place is booked.');
    const { attendee } = parseCalendar(message.calendar!.content);
    expect(attendee).toMatchObject({ partstat: 'ACCEPTED', rsvp: 'FALSE' });
  });

  it('repeats back the access needs they gave, so they can check them', () => {
    const message = registrationConfirmationMessage({
      ...messageInput(),
      ...inviteInput(0),
      accessNeeds: ['BSL interpreter', 'Quiet room'],
    });
    expect(message.text).toContain('You told us you need:\n\n- BSL interpreter\n- Quiet room');
    expect(message.html).toContain('<li>BSL interpreter</li><li>Quiet room</li>');
  });
});
