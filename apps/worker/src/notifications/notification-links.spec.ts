import { notificationLinks } from './notification-links';
import { officeFromMailFrom } from './office-sender';

describe('notificationLinks', () => {
  it('builds the private links from the derived token', () => {
    expect(notificationLinks('https://roundtable.example/', 'e1', 'rtm_abc-123')).toEqual({
      eventUrl: 'https://roundtable.example/events/e1',
      manageUrl: 'https://roundtable.example/manage/rtm_abc-123',
      invitation: {
        acceptUrl: 'https://roundtable.example/manage/rtm_abc-123/accept',
        declineUrl: 'https://roundtable.example/manage/rtm_abc-123/decline',
        unsubscribeUrl: 'https://roundtable.example/manage/rtm_abc-123/unsubscribe',
      },
    });
  });

  it('gives only the public event page without one (the cancellations, which offer no private link)', () => {
    expect(notificationLinks('https://roundtable.example', 'e1', null)).toEqual({
      eventUrl: 'https://roundtable.example/events/e1',
      manageUrl: 'https://roundtable.example/events/e1',
    });
  });
});

describe('officeFromMailFrom', () => {
  it('reads the name and address', () => {
    expect(officeFromMailFrom('Halesowen Constituency Office <office@example.org>')).toEqual({
      name: 'Halesowen Constituency Office',
      email: 'office@example.org',
    });
    expect(officeFromMailFrom('office@example.org')).toEqual({
      name: 'office@example.org',
      email: 'office@example.org',
    });
  });

  it('refuses a MAIL_FROM with no address', () => {
    expect(() => officeFromMailFrom('The Office')).toThrow(/MAIL_FROM/);
  });
});
