import {
  UID,
  URLS,
  event,
  inviteInput,
  messageInput,
  parseCalendar,
} from '../test-support/notification-fixtures';
import { reminderMessage } from './reminder.message';

describe('reminderMessage', () => {
  const remind = (offset: string) =>
    reminderMessage({
      ...messageInput({ event: event({ venue: null, online: true }) }),
      ...inviteInput(2),
      offset,
      joinUrl: URLS.join,
    });

  it.each([
    ['P7D', 'Reminder: Waiting for an EHC plan is in 7 days'],
    ['P1D', 'Reminder: Waiting for an EHC plan is tomorrow'],
    ['PT2H', 'Reminder: Waiting for an EHC plan is in 2 hours'],
  ])('says how soon from the %s offset', (offset, subject) => {
    const message = remind(offset);
    expect(message.subject).toBe(subject);
    expect(message.text).toContain(
      `${subject.replace('Reminder: ', 'This is a reminder that ')}: Wednesday 1 July 2026, 10am to midday (UK time).`,
    );
  });

  it('gives the joining link and refreshes the calendar with the current sequence', () => {
    const message = remind('PT2H');
    expect(message.text).toContain(`Join the meeting online:\n${URLS.join}`);
    const { method, item, attendee } = parseCalendar(message.calendar!.content);
    expect(method).toBe('REQUEST');
    expect(item.uid).toBe(UID);
    expect(item.sequence).toBe(2);
    expect(attendee.partstat).toBe('ACCEPTED');
  });
});
