import { notificationLinks } from './notification-links';

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
