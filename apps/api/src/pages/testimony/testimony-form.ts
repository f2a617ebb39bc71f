import { AREA_VALUES } from '@roundtable/events';
import {
  AGE_BANDS,
  DEADLINE_ANSWERS,
  MAX_WAIT_WEEKS,
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  SCHOOL_PHASES,
  TRIBUNAL_ANSWERS,
  valuesOf,
} from '@roundtable/testimony';
import { FormErrors } from '../forms/form-errors';
import { listField, parseWholeNumber, textField } from '../forms/form-fields';

/** The form's fields top to bottom: the error summary lists problems in this order. */
export const TESTIMONY_FORM_FIELDS = [
  'role',
  'area',
  'themes',
  'story',
  'onBehalfOfYoungPerson',
  'ageBand',
  'assessmentWaitWeeks',
  'planWaitWeeks',
  'deadline',
  'tribunal',
  'schoolPhase',
  'quoteConsent',
  'consents',
  'name',
  'email',
] as const;

/** The separate, each-withdrawable permissions, as the form's checkboxes name them. */
export const CONSENT_CHOICES = [
  {
    value: 'contact',
    text: 'You may contact me about what I wrote',
    hint: 'We will only use the email address you give below',
  },
  {
    value: 'share-with-authority',
    text: 'You may share what I wrote with the local authority (the council)',
    hint: 'Without your name or email address',
  },
  {
    value: 'casework',
    text: 'Please take this up with the council for me, as casework',
    hint: 'A caseworker in the MP’s office will look at it and get in touch. You need to give your email address below',
  },
] as const;

/** What the person typed or chose, kept as given so a form shown again with errors loses nothing. */
export interface TestimonyFormValues {
  /** Where they came from: a campaign, an event, or a registration's private link (its token). */
  campaign: string;
  event: string;
  registration: string;
  role: string;
  area: string;
  themes: string[];
  story: string;
  /** 'yes' when the box is ticked; anything else that arrives is kept to be refused. */
  onBehalfOfYoungPerson: string;
  ageBand: string;
  assessmentWaitWeeks: string;
  planWaitWeeks: string;
  deadline: string;
  tribunal: string;
  schoolPhase: string;
  quoteConsent: string;
  consents: string[];
  name: string;
  email: string;
}

export const EMPTY_TESTIMONY_FORM: TestimonyFormValues = {
  campaign: '',
  event: '',
  registration: '',
  role: '',
  area: '',
  themes: [],
  story: '',
  onBehalfOfYoungPerson: '',
  ageBand: '',
  assessmentWaitWeeks: '',
  planWaitWeeks: '',
  deadline: '',
  tribunal: '',
  schoolPhase: '',
  quoteConsent: '',
  consents: [],
  name: '',
  email: '',
};

export function readTestimonyForm(body: unknown): TestimonyFormValues {
  return {
    campaign: textField(body, 'campaign'),
    event: textField(body, 'event'),
    registration: textField(body, 'registration'),
    role: textField(body, 'role'),
    area: textField(body, 'area'),
    themes: listField(body, 'themes'),
    story: textField(body, 'story'),
    onBehalfOfYoungPerson: textField(body, 'onBehalfOfYoungPerson'),
    ageBand: textField(body, 'ageBand'),
    assessmentWaitWeeks: textField(body, 'assessmentWaitWeeks'),
    planWaitWeeks: textField(body, 'planWaitWeeks'),
    deadline: textField(body, 'deadline'),
    tribunal: textField(body, 'tribunal'),
    schoolPhase: textField(body, 'schoolPhase'),
    quoteConsent: textField(body, 'quoteConsent'),
    consents: listField(body, 'consents'),
    name: textField(body, 'name'),
    email: textField(body, 'email'),
  };
}

/**
 * What the form asks of every answer in its own words: the closed lists, the required choices
 * and the weeks. Text itself (the story, a name, an email) is checked by the intake's own rules
 * after this (see parseTestimonyForm), so the page and the API refuse the same things.
 */
export function checkTestimonyChoices(
  values: TestimonyFormValues,
  activeThemeSlugs: readonly string[],
  errors: FormErrors,
): void {
  const oneOf = (list: readonly string[], value: string) => list.includes(value);
  if (!oneOf(valuesOf(RESPONDENT_ROLES), values.role))
    errors.add('role', 'Select which of these describes you best');
  if (!oneOf(AREA_VALUES, values.area)) errors.add('area', 'Select the area you live or work in');
  if (values.themes.some((theme) => !activeThemeSlugs.includes(theme)))
    errors.add('themes', 'Select what your experience is about from the list');
  if (values.story.trim() === '') errors.add('story', 'Tell us about your experience');
  const onBehalf = values.onBehalfOfYoungPerson === 'yes';
  if (!onBehalf && values.onBehalfOfYoungPerson !== '')
    errors.add(
      'onBehalfOfYoungPerson',
      'Tick the box if you are writing on behalf of a young person, or leave it empty',
    );
  else if (onBehalf && values.role !== 'parent-carer')
    errors.add(
      'onBehalfOfYoungPerson',
      'Untick this, or choose “Parent or carer” above: only a parent or carer writes on a young person’s behalf',
    );
  if (onBehalf && values.ageBand === '')
    errors.add('ageBand', 'Select how old the young person is, as you are writing on their behalf');
  else if (values.ageBand !== '' && !oneOf(valuesOf(AGE_BANDS), values.ageBand))
    errors.add('ageBand', 'Select an age from the list');
  for (const [field, what] of [
    ['assessmentWaitWeeks', 'the wait for an assessment'],
    ['planWaitWeeks', 'the wait for the plan'],
  ] as const) {
    const weeks = parseWholeNumber(values[field]);
    if (weeks !== undefined && !(weeks <= MAX_WAIT_WEEKS))
      errors.add(field, `Enter ${what} as a whole number of weeks, like 30, or leave it empty`);
  }
  const optionalChoice = (field: 'deadline' | 'tribunal' | 'schoolPhase', list: readonly string[]) => {
    if (values[field] !== '' && !oneOf(list, values[field]))
      errors.add(field, 'Select an answer from the list');
  };
  optionalChoice('deadline', valuesOf(DEADLINE_ANSWERS));
  optionalChoice('tribunal', valuesOf(TRIBUNAL_ANSWERS));
  optionalChoice('schoolPhase', valuesOf(SCHOOL_PHASES));
  if (!oneOf(valuesOf(QUOTE_CONSENTS), values.quoteConsent))
    errors.add('quoteConsent', 'Select whether we may quote what you wrote');
  const consentValues: readonly string[] = CONSENT_CHOICES.map((choice) => choice.value);
  if (values.consents.some((consent) => !consentValues.includes(consent)))
    errors.add('consents', 'Select what you agree to from the list');
  const needsEmail = values.consents.includes('contact') || values.consents.includes('casework');
  if (needsEmail && values.email.trim() === '')
    errors.add(
      'email',
      'Enter your email address so that we can get in touch, or untick the boxes that ask us to',
    );
}

/** A week count as the service takes it: empty is "not answered". */
export function weeksOrNull(raw: string): number | null {
  return parseWholeNumber(raw) ?? null;
}
