import {
  UID,
  composeAndParse,
  inviteInput,
  messageInput,
  parseCalendar,
  URLS,
} from '../test-support/notification-fixtures';
import { toMailOptions } from '../mail/mail-options';
import { registrationCancelledMessage } from './registration-cancelled.message';
import { registrationConfirmationMessage } from './registration-confirmation.message';

describe('registrationCancelledMessage', () => {
  const { manageUrl: _, ...base } = messageInput();

  it('confirms the cancellation in plain words and says how to register again', () => {
    const message = registrationCancelledMessage({ ...base, ...inviteInput(1) });
    expect(message.subject).toBe('Place cancelled: Waiting for an EHC plan, Wednesday 1 July 2026');
    expect(message.text).toContain('You have cancelled your place at Waiting for an EHC plan');
    expect(message.text).toContain('You do not need to do anything else.');
    expect(message.text).toContain('You can register again on the event page');
    expect(message.html).toContain(`<a href="${URLS.event}"`);
    expect(message.html).toContain('Register again for Waiting for an EHC plan');
    expect(message.html).toContain('<h1');
    // No private link: there is no place left to manage.
    expect(message.text).not.toContain(URLS.manage);
    expect(message.html).not.toContain(URLS.manage);
  });

  it('removes the very calendar item the confirmation added, with a higher SEQUENCE', () => {
    const confirmation = parseCalendar(
      registrationConfirmationMessage({ ...messageInput(), ...inviteInput(2) }).calendar!.content,
    );
    const message = registrationCancelledMessage({ ...base, ...inviteInput(3) });
    expect(message.calendar!.method).toBe('CANCEL');
    const cancel = parseCalendar(message.calendar!.content);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.status).toBe('CANCELLED');
    expect(cancel.item.uid).toBe(UID);
    expect(cancel.item.uid).toBe(confirmation.item.uid);
    expect(cancel.item.sequence).toBe(3);
    expect(cancel.item.sequence).toBeGreaterThan(confirmation.item.sequence);
    expect(cancel.attendee).toMatchObject({ partstat: 'ACCEPTED', rsvp: 'FALSE' });
  });

  it('travels as a text/calendar; method=CANCEL part that mail clients read', async () => {
    const message = registrationCancelledMessage({ ...base, ...inviteInput(1) });
    const { parsed, raw } = await composeAndParse(
      toMailOptions(message, {
        from: { name: base.office.name, address: base.office.email },
        to: { name: base.recipient.name, address: base.recipient.email },
      }),
    );
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text).toContain('You have cancelled your place');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
  });
});
