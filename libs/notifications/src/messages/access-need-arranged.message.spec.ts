import { messageInput } from '../test-support/notification-fixtures';
import { accessNeedArrangedMessage } from './access-need-arranged.message';

describe('accessNeedArrangedMessage', () => {
  it('says what has been arranged, in plain words, with no calendar invite', () => {
    const message = accessNeedArrangedMessage({
      ...messageInput(),
      arranged: ['a BSL interpreter'],
      note: 'They will meet you at the door.',
    });
    expect(message.subject).toBe('We have arranged a BSL interpreter for you: Waiting for an EHC plan');
    expect(message.text).toContain('We have arranged a BSL interpreter for you at Waiting for an EHC plan.');
    expect(message.text).toContain('They will meet you at the door.');
    expect(message.calendar).toBeUndefined();
  });

  it('joins several arrangements as people say them', () => {
    const message = accessNeedArrangedMessage({
      ...messageInput(),
      arranged: ['a BSL interpreter', 'a quiet room', 'a parking space'],
    });
    expect(message.text).toContain(
      'We have arranged a BSL interpreter, a quiet room and a parking space for you',
    );
  });

  it('refuses to say nothing was arranged', () => {
    expect(() => accessNeedArrangedMessage({ ...messageInput(), arranged: [] })).toThrow(/what was arranged/);
  });
});
