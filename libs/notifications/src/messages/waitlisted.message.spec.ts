import { messageInput } from '../test-support/notification-fixtures';
import { waitlistedMessage } from './waitlisted.message';

describe('waitlistedMessage', () => {
  it('says they are on the waiting list and where, with no calendar invite', () => {
    const message = waitlistedMessage({ ...messageInput(), position: 4 });
    expect(message.subject).toBe('You are on the waiting list: Waiting for an EHC plan');
    expect(message.text).toContain('You are number 4 on the waiting list.');
    expect(message.text).toContain('You do not need to do anything now.');
    expect(message.calendar).toBeUndefined();
  });

  it('leaves the position out when it is not known', () => {
    for (const position of [undefined, 0, 2.5]) {
      expect(waitlistedMessage({ ...messageInput(), position }).text).not.toContain('You are number');
    }
  });
});
