import { URLS, messageInput } from '../test-support/notification-fixtures';
import { manageLinkMessage, type ManageLinkStanding } from './manage-link.message';

const build = (standing: ManageLinkStanding, position?: number) =>
  manageLinkMessage({ ...messageInput(), standing, position });

describe('manageLinkMessage ("here is your link")', () => {
  it.each<[ManageLinkStanding, RegExp, string]>([
    ['confirmed', /^You already have a place: /, 'See, change or cancel your place'],
    [
      'waitlisted',
      /^You are already on the waiting list: /,
      'See your registration or leave the waiting list',
    ],
    ['attended', /^Your registration: /, 'See your registration'],
    ['invited', /^Your invitation: /, 'Say yes or no to your invitation'],
    ['declined', /^Your link for /, 'Take a place at the event'],
    ['cancelled', /^Your link for /, 'Take a place at the event again'],
  ])('for someone %s, says where they stand and links to their page', (standing, subject, action) => {
    const message = build(standing);
    expect(message.subject).toMatch(subject);
    expect(message.text).toContain(`${action}:\n${URLS.manage}`);
    expect(message.html).toContain(`href="${URLS.manage}"`);
    expect(message.text).toContain('nothing has changed');
    expect(message.calendar).toBeUndefined();
  });

  it('tells invited, declined and cancelled people that the link is how to take a place', () => {
    expect(build('invited').text).toContain('To take a place, use the link below and say yes');
    expect(build('declined').text).toContain('If you can come after all, use the link below to take a place');
    expect(build('cancelled').text).toContain('use the link below to take a place again');
  });

  it('gives a waiting person their place in the queue when known', () => {
    expect(build('waitlisted', 2).text).toContain('You are number 2 on the waiting list.');
    expect(build('waitlisted').text).not.toContain('You are number');
  });
});
