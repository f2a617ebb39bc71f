import {
  OFFICE,
  URLS,
  event,
  inviteInput,
  messageInput,
  parseCalendar,
} from '../../test-support/notification-fixtures';
import { eventUpdatedMessage } from '../event-updated.message';
import {
  cohostAcceptedMessage,
  cohostDeclinedMessage,
  cohostRequestedMessage,
} from './cohost-request-messages';

const request = {
  office: OFFICE,
  partnerName: 'Halesowen Carers Trust',
  event: { title: 'Waiting for an EHC plan', startsAt: event().startsAt, endsAt: event().endsAt },
  url: 'https://roundtable.test/staff/cohost-requests',
};

describe('co-host request messages', () => {
  it('tells staff who asked, about which event, what they said and where to answer', () => {
    const message = cohostRequestedMessage({
      ...request,
      message: 'We support 300 carers.\n\nWe can bring them.',
    });
    expect(message.subject).toBe('Halesowen Carers Trust asked to co-host Waiting for an EHC plan');
    expect(message.text).toContain('We support 300 carers.');
    expect(message.text).toContain('Wednesday 1 July 2026, 10am to midday (UK time)');
    expect(message.html).toContain(`href="${request.url}"`);
  });

  it('escapes what a partner typed in the HTML part', () => {
    const message = cohostRequestedMessage({ ...request, message: '<script>alert(1)</script>' });
    expect(message.html).not.toContain('<script>');
  });

  it('tells the partner it was accepted, or declined with the reason when staff gave one', () => {
    expect(cohostAcceptedMessage(request).subject).toBe('You are now co-hosting Waiting for an EHC plan');
    const declined = cohostDeclinedMessage({ ...request, reason: 'A forum already co-hosts it.' });
    expect(declined.text).toContain('A forum already co-hosts it.');
    expect(cohostDeclinedMessage({ ...request, reason: null }).text).not.toContain('The reason');
  });
});

describe('an update after a change of co-hosts', () => {
  const updated = (previousCohosts: string[] | undefined, cohosts: string[]) =>
    eventUpdatedMessage({
      ...messageInput({ cohosts }),
      ...inviteInput(2),
      previous: event(),
      previousCohosts,
      joinUrl: URLS.join,
    });

  it('says who now co-hosts and who no longer does, and its invite names the co-hosts', () => {
    const message = updated(['Dudley SEND Support'], ['Halesowen Carers Trust']);
    expect(message.subject).toBe('Change of co-hosts: Waiting for an EHC plan');
    expect(message.text).toContain('Now co-hosted with Halesowen Carers Trust.');
    expect(message.text).toContain('No longer co-hosted with Dudley SEND Support.');
    expect(message.text).not.toContain('Some details of the event have changed');
    expect(parseCalendar(message.calendar!.content).item.description).toContain(
      `Hosted by ${OFFICE.name} with Halesowen Carers Trust.`,
    );
  });

  it('says nothing of co-hosts when the update is not about them', () => {
    const message = updated(undefined, ['Halesowen Carers Trust']);
    expect(message.text).not.toContain('co-hosted with');
    expect(message.text).toContain('Some details of the event have changed');
  });
});
