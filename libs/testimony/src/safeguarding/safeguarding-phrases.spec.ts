import { SAFEGUARDING_PHRASES, suggestsSafeguarding } from './safeguarding-phrases';

describe('the safeguarding keyword screen', () => {
  it.each([
    'He has started to self-harm since the school placement broke down.',
    'She talks about SUICIDE most evenings.',
    'My son said he wants to die.',
    'I think she is being abused at the respite centre.',
    'He is not safe at school when he is restrained by staff.',
    'Her stepdad used to hurt her.',
    'They threatened to hurt him if he told anyone.',
    'He keeps cutting  himself.',
    'She ran away from the unit twice.',
  ])('suggests a flag for %p', (story) => {
    expect(suggestsSafeguarding(story)).toBe(true);
  });

  it.each([
    'We waited 40 weeks for the EHC plan and the council never answered our emails.',
    'The tribunal found in our favour after a year.',
    'Transport to school takes 90 minutes each way.',
    'She is a brilliant artist and loves the hurdles at sports day.',
    'The school said it was unsafety-proofed (sic) and then rebuilt the playground.',
    'Herself and her brother both have autism.',
    '',
  ])('does not suggest one for %p', (story) => {
    expect(suggestsSafeguarding(story)).toBe(false);
  });

  it('matches whole words only, not a phrase inside a longer word', () => {
    expect(suggestsSafeguarding('disabused')).toBe(false);
    expect(suggestsSafeguarding('neglectful')).toBe(false);
  });

  it('keeps every phrase lower-case words separated by single spaces', () => {
    for (const phrase of SAFEGUARDING_PHRASES) expect(phrase).toMatch(/^[a-z]+(?: [a-z]+)*$/);
    expect(new Set(SAFEGUARDING_PHRASES).size).toBe(SAFEGUARDING_PHRASES.length);
  });
});
