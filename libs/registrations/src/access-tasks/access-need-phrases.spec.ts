import { ACCESS_NEEDS } from './access-needs';
import { arrangedPhrase } from './access-need-phrases';

describe('arrangedPhrase', () => {
  it.each([
    ['bsl_interpreter', 'a British Sign Language (BSL) interpreter'],
    ['childcare', 'childcare'],
    ['quiet_room', 'a quiet room'],
    ['hearing_loop', 'a hearing loop'],
    ['step_free', 'step-free access'],
    ['large_print', 'large print materials'],
    ['dietary', 'food that suits your diet'],
    ['other', 'the help you told us about'],
  ])('says %s as "We have arranged %s for you"', (need, phrase) => {
    expect(arrangedPhrase(need)).toBe(phrase);
  });

  it('has a phrase for every need people can ask for, in lower case to sit mid-sentence', () => {
    for (const { value } of ACCESS_NEEDS) {
      const phrase = arrangedPhrase(value);
      expect(phrase.length).toBeGreaterThan(0);
      expect(phrase.charAt(0)).toBe(phrase.charAt(0).toLowerCase());
      expect(phrase).not.toMatch(/[.!]$/);
    }
  });

  it('falls back to the general phrase for a need it does not know', () => {
    expect(arrangedPhrase('jetpack')).toBe('the help you told us about');
  });
});
