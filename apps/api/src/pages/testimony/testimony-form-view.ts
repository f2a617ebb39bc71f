import { AREAS } from '@roundtable/events';
import {
  AGE_BANDS,
  DEADLINE_ANSWERS,
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  SCHOOL_PHASES,
  TRIBUNAL_ANSWERS,
  type PublicThemeView,
} from '@roundtable/testimony';
import type { FormErrorsView } from '../forms/form-errors';
import type { TestimonyContext } from './testimony-context';
import { CONSENT_CHOICES, type TestimonyFormValues } from './testimony-form';

/** A line under each quote tier saying what it means for the person choosing it. */
const QUOTE_HINTS: Record<string, string> = {
  'quote-anonymously': 'Your words may appear in the report to the council and the Department for Education',
  'count-only': 'What you tell us is counted in the report’s figures, but your words are not used',
  'office-only': 'Only the office staff read it; it is not counted or used in anything published',
};

/** The quote tiers as radios, each with what it means. */
export const QUOTE_ITEMS = QUOTE_CONSENTS.map((tier) => ({
  value: tier.value,
  text: tier.label,
  hint: { text: QUOTE_HINTS[tier.value] },
}));

/** The separate permissions as checkboxes. */
export const CONSENT_ITEMS = CONSENT_CHOICES.map((choice) => ({ ...choice, hint: { text: choice.hint } }));

/** Everything the form's template needs, with the person's answers kept as given. */
export function testimonyFormView(
  themes: readonly PublicThemeView[],
  context: TestimonyContext,
  form: TestimonyFormValues,
  errors: FormErrorsView,
) {
  const answered = [
    form.assessmentWaitWeeks,
    form.planWaitWeeks,
    form.deadline,
    form.tribunal,
    form.schoolPhase,
  ];
  const answerErrors = ['assessmentWaitWeeks', 'planWaitWeeks', 'deadline', 'tribunal', 'schoolPhase'];
  return {
    ...context,
    form,
    ...errors,
    roles: RESPONDENT_ROLES,
    areas: AREAS,
    ageBands: AGE_BANDS,
    deadlineAnswers: DEADLINE_ANSWERS,
    tribunalAnswers: TRIBUNAL_ANSWERS,
    schoolPhases: SCHOOL_PHASES,
    themeItems: themes.map((theme) => ({
      value: theme.slug,
      text: theme.name,
      hint: theme.description ? { text: theme.description } : undefined,
    })),
    quoteItems: QUOTE_ITEMS,
    consentItems: CONSENT_ITEMS,
    // The optional questions open by themselves when they hold an answer or a problem.
    answersOpen:
      answered.some((value) => value !== '') || answerErrors.some((field) => field in errors.errors),
  };
}
