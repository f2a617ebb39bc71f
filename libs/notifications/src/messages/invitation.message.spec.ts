import { URLS, event, inviteInput, messageInput, parseCalendar } from '../test-support/notification-fixtures';
import { invitationMessage, type InvitationInput } from './invitation.message';

const input = (overrides: Partial<InvitationInput> = {}): InvitationInput => ({
  ...messageInput(),
  ...inviteInput(0),
  acceptUrl: URLS.accept,
  declineUrl: URLS.decline,
  unsubscribeUrl: URLS.unsubscribe,
  ...overrides,
});

describe('invitationMessage', () => {
  it('asks plainly, with accept and decline links and no pressure to reply', () => {
    const message = invitationMessage(input());
    expect(message.subject).toBe('Invitation: Waiting for an EHC plan, Wednesday 1 July 2026');
    expect(message.text).toContain(`Yes, I can come:\n${URLS.accept}`);
    expect(message.text).toContain(`No, I cannot come:\n${URLS.decline}`);
    expect(message.text).toContain('You do not need to reply if you cannot come.');
    expect(message.html).toContain(`<a href="${URLS.accept}"`);
    expect(message.html).toContain(`<a href="${URLS.decline}"`);
  });

  it('says which partner invited them, with the office, and keeps the one-click unsubscribe', () => {
    const message = invitationMessage(input({ invitedBy: 'Halesowen Carers' }));
    const office = messageInput().office.name;
    expect(message.text).toContain(
      `Halesowen Carers invited you, with ${office}, to Waiting for an EHC plan.`,
    );
    expect(message.text).toContain(`invitations from ${office} or its partners`);
    expect(message.listUnsubscribe).toBe(URLS.unsubscribe);
    expect(invitationMessage(input()).text).not.toContain('invited you, with');
  });

  it('offers a way to stop invitations, in the body and as the one-click unsubscribe link', () => {
    const message = invitationMessage(input());
    expect(message.listUnsubscribe).toBe(URLS.unsubscribe);
    expect(message.text).toContain(`stop getting invitations (${URLS.unsubscribe})`);
    expect(message.html).toContain(`<a href="${URLS.unsubscribe}"`);
  });

  it('sends a REQUEST awaiting an answer by the links, asking the calendar for none (NEEDS-ACTION, RSVP=FALSE)', () => {
    const { attendee, method } = parseCalendar(invitationMessage(input()).calendar!.content);
    expect(method).toBe('REQUEST');
    expect(attendee.partstat).toBe('NEEDS-ACTION');
    expect(attendee.rsvp).toBe('FALSE');
  });

  it('says right under the Yes and No links that calendar buttons do not reach us', () => {
    const message = invitationMessage(input());
    const note = 'Your calendar may show Yes/No buttons: they do not reach us. Use the links in this email.';
    expect(message.text).toContain(`No, I cannot come:\n${URLS.decline}\n\n${note}`);
    expect(message.html).toContain(note);
    expect(message.html.indexOf(note)).toBeGreaterThan(message.html.indexOf(`href="${URLS.decline}"`));
  });

  it('says the event is online too, but holds back the joining link', () => {
    const message = invitationMessage(input({ event: event({ online: true }) }));
    expect(message.text).toContain('We send the joining link to people who have a place.');
  });
});
