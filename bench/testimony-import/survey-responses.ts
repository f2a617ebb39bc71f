import type { SurveyResponse } from '../../test/support/survey-export';

const ROLES = ['Parent or carer', 'Young person', 'Teacher or teaching assistant', 'Other professional'];
const AREAS = ['Dudley', 'Sandwell', 'Halesowen North', 'Belle Vale', 'Walsall'];
const THEMES = ['EHC plan delays', 'Transport', 'CAMHS and mental health', 'Funding'];
const SENTENCE =
  'We asked for an assessment and waited months for any answer, while our child missed school and the family struggled to cope. ';

/**
 * `count` responses shaped like the office's survey: a story of about 500 characters each, the
 * structured answers filled in, one in fifty with no story (refused), one in ten named.
 */
export function surveyResponses(count: number): SurveyResponse[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const named = n % 10 === 0;
    return {
      externalId: n,
      submittedAt: new Date(Date.UTC(2026, 0, 1 + (n % 28), 9, n % 60)),
      email: named ? `respondent.${n}@example.org` : 'anonymous',
      name: named ? 'Sam Jones' : null,
      role: ROLES[n % ROLES.length],
      area: AREAS[n % AREAS.length],
      themes: `${THEMES[n % THEMES.length]};${THEMES[(n + 1) % THEMES.length]};`,
      assessmentWaitWeeks: 10 + (n % 40),
      planWaitWeeks: 20 + (n % 60),
      story: n % 50 === 0 ? null : `Response ${n}. ${SENTENCE.repeat(4)}`,
      quoteConsent: n % 3 === 0 ? 'You may quote my words without my name' : null,
      contactConsent: named ? 'Yes' : 'No',
    };
  });
}
