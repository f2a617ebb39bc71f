import {
  ACCESS_NEEDS,
  ACCESS_NEED_VALUES,
  accessNeedLabel,
  ATTENDEE_ROLE_VALUES,
  RegisterDto,
  UpdateRegistrationDto,
} from '@roundtable/registrations';
import { checkPersonName, PERSON_NAME_MAX, type TextProblem } from '@roundtable/platform';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { listField, textField } from '../forms/form-fields';
import { dtoProblems, sentence } from '../forms/service-errors';

/** The name rule's refusals, said to the person filling in the form. */
const NAME_MESSAGES: Partial<Record<TextProblem, string>> = {
  'not-a-name': 'Enter your name using only letters, spaces, hyphens and apostrophes',
  'too-long': `Your name must be ${PERSON_NAME_MAX} characters or fewer`,
  control: 'Your name must not contain control characters or line breaks',
  empty: 'Enter your name',
};

/** The registration form's fields top to bottom: the error summary lists problems in this order. */
export const REGISTRATION_FORM_FIELDS = [
  'name',
  'email',
  'role',
  'accessNeeds',
  'accessNotes',
  'partnerContactConsent',
] as const;
export const ACCESS_NEEDS_FORM_FIELDS = ['accessNeeds', 'accessNotes'] as const;

/** What the person typed, kept as typed so a form shown again with errors loses nothing. */
export interface RegistrationFormValues {
  name: string;
  email: string;
  role: string;
  accessNeeds: string[];
  accessNotes: string;
  /** The co-hosts ticked as "may contact me": none unless the person ticks them. */
  partnerContactConsent: string[];
}

export type AccessNeedsFormValues = Pick<RegistrationFormValues, 'accessNeeds' | 'accessNotes'>;

export const EMPTY_REGISTRATION_FORM: RegistrationFormValues = {
  name: '',
  email: '',
  role: '',
  accessNeeds: [],
  accessNotes: '',
  partnerContactConsent: [],
};

const NOTES_LIMIT = 2000;

/** A line under each access need saying what it means for the person choosing it. */
const ACCESS_NEED_HINTS: Record<string, string> = {
  step_free: 'No steps, or a ramp or lift, from the street to the room',
  bsl_interpreter: 'We book a qualified interpreter to be there',
  hearing_loop: 'For hearing aids with a T setting',
  quiet_room: 'A calm space away from the group, to take a break when you need one',
  childcare: 'So you can take part. Tell us the children’s ages in the box below',
  dietary: 'If we serve food or drinks. Tell us what you can eat in the box below',
  large_print: 'Anything we hand out, in a large font',
  other: 'Tell us what you need in the box below',
};

/** govukCheckboxes items for the access needs, each with its hint. */
export const ACCESS_NEED_ITEMS = ACCESS_NEEDS.map((need) => ({
  value: need.value,
  text: need.label,
  hint: { text: ACCESS_NEED_HINTS[need.value] },
}));

/** A chosen need, as a list of them shows it: the form's "(tell us below)" makes no sense there. */
export function chosenAccessNeedLabel(value: string): string {
  return value === 'other' ? 'Something else' : accessNeedLabel(value);
}

export function readRegistrationForm(body: unknown): RegistrationFormValues {
  return {
    name: textField(body, 'name'),
    email: textField(body, 'email'),
    role: textField(body, 'role'),
    ...readAccessNeedsForm(body),
    partnerContactConsent: listField(body, 'partnerContactConsent'),
  };
}

export function readAccessNeedsForm(body: unknown): AccessNeedsFormValues {
  return { accessNeeds: listField(body, 'accessNeeds'), accessNotes: textField(body, 'accessNotes') };
}

/** Every problem at once in the form's words, then the JSON API's own DTO checks. */
export async function parseRegistrationForm(
  values: RegistrationFormValues,
  /** The ids of the event's co-hosts: the only partners the form offers. */
  cohostIds: readonly string[] = [],
): Promise<{ errors: FormErrors; input?: RegisterDto }> {
  const errors = new FormErrors();
  const name = values.name.trim();
  const email = values.email.trim();
  const nameCheck = checkPersonName(name);
  if (name === '') errors.add('name', 'Enter your name');
  else if (!nameCheck.ok) errors.add('name', NAME_MESSAGES[nameCheck.problem] ?? sentence(nameCheck.message));
  if (email === '') errors.add('email', 'Enter your email address');
  if (values.role === '') errors.add('role', 'Select which of these describes you best');
  else if (!(ATTENDEE_ROLE_VALUES as readonly string[]).includes(values.role))
    errors.add('role', 'Select which of these describes you best, from the list');
  checkAccessNeeds(values, errors);
  const consents = [...new Set(values.partnerContactConsent)];
  if (consents.some((id) => !cohostIds.includes(id)))
    errors.add('partnerContactConsent', 'Select from the organisations listed');

  const input = plainToInstance(RegisterDto, {
    name,
    email,
    role: values.role,
    accessNeeds: [...new Set(values.accessNeeds)],
    accessNotes: values.accessNotes.trim() || null,
    partnerContactConsent: consents.length > 0 ? consents : undefined,
  });
  for (const problem of await dtoProblems(input)) {
    errors.add(problem.property, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input };
}

export async function parseAccessNeedsForm(
  values: AccessNeedsFormValues,
): Promise<{ errors: FormErrors; input?: UpdateRegistrationDto }> {
  const errors = new FormErrors();
  checkAccessNeeds(values, errors);
  const input = plainToInstance(UpdateRegistrationDto, {
    accessNeeds: [...new Set(values.accessNeeds)],
    accessNotes: values.accessNotes.trim() || null,
  });
  for (const problem of await dtoProblems(input)) {
    errors.add(problem.property, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input };
}

function checkAccessNeeds(values: AccessNeedsFormValues, errors: FormErrors): void {
  if (values.accessNeeds.some((need) => !(ACCESS_NEED_VALUES as readonly string[]).includes(need)))
    errors.add('accessNeeds', 'Select what you need from the list');
  const notes = values.accessNotes.trim();
  if (values.accessNeeds.includes('other') && notes === '')
    errors.add('accessNotes', 'Tell us what else you need, or untick “Something else”');
  if (notes.length > NOTES_LIMIT)
    errors.add('accessNotes', 'What you tell us must be 2,000 characters or fewer');
}

/**
 * The DTO's checks, said for the form. Anything not here (the text fields: their messages say
 * which characters to remove, or the limit) shows the DTO's own message.
 */
const DTO_MESSAGES: Record<string, string> = {
  email: 'Enter an email address in the correct format, like name@example.org',
  role: 'Select which of these describes you best, from the list',
  accessNeeds: 'Select what you need from the list',
  partnerContactConsent: 'Select from the organisations listed',
};
