import { ACCESS_NEED_VALUES, ATTENDEE_ROLE_VALUES, WalkInDto } from '@roundtable/registrations';
import { checkPersonName, PERSON_NAME_MAX, type TextProblem } from '@roundtable/platform';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../../forms/form-errors';
import { listField, textField } from '../../forms/form-fields';
import { dtoProblems, sentence } from '../../forms/service-errors';

/** The walk-in form's fields top to bottom: the error summary lists problems in this order. */
export const WALK_IN_FORM_FIELDS = ['name', 'email', 'role', 'accessNeeds', 'accessNotes'] as const;

export interface WalkInFormValues {
  name: string;
  email: string;
  role: string;
  accessNeeds: string[];
  accessNotes: string;
}

export const EMPTY_WALK_IN_FORM: WalkInFormValues = {
  name: '',
  email: '',
  role: '',
  accessNeeds: [],
  accessNotes: '',
};

const NAME_MESSAGES: Partial<Record<TextProblem, string>> = {
  'not-a-name': 'Enter their name using only letters, spaces, hyphens and apostrophes',
  'too-long': `Their name must be ${PERSON_NAME_MAX} characters or fewer`,
  control: 'Their name must not contain control characters or line breaks',
  empty: 'Enter their name',
};

const DTO_MESSAGES: Record<string, string> = {
  email: 'Enter an email address in the correct format, like name@example.org, or leave it empty',
  role: 'Select which of these describes them best, from the list',
  accessNeeds: 'Select what they need from the list',
};

export function readWalkInForm(body: unknown): WalkInFormValues {
  return {
    name: textField(body, 'name'),
    email: textField(body, 'email'),
    role: textField(body, 'role'),
    accessNeeds: listField(body, 'accessNeeds'),
    accessNotes: textField(body, 'accessNotes'),
  };
}

/** Every problem at once in the form's words, then the JSON API's own DTO checks. Only the name is required. */
export async function parseWalkInForm(
  values: WalkInFormValues,
): Promise<{ errors: FormErrors; input?: WalkInDto }> {
  const errors = new FormErrors();
  const name = values.name.trim();
  const nameCheck = checkPersonName(name);
  if (name === '') errors.add('name', 'Enter their name');
  else if (!nameCheck.ok) errors.add('name', NAME_MESSAGES[nameCheck.problem] ?? sentence(nameCheck.message));
  if (values.role !== '' && !(ATTENDEE_ROLE_VALUES as readonly string[]).includes(values.role))
    errors.add('role', DTO_MESSAGES.role!);
  if (values.accessNeeds.some((need) => !(ACCESS_NEED_VALUES as readonly string[]).includes(need)))
    errors.add('accessNeeds', DTO_MESSAGES.accessNeeds!);
  const notes = values.accessNotes.trim();
  if (values.accessNeeds.includes('other') && notes === '')
    errors.add('accessNotes', 'Tell us what else they need, or untick “Something else”');

  const email = values.email.trim();
  const input = plainToInstance(WalkInDto, {
    name,
    email: email === '' ? null : email,
    role: values.role === '' ? null : values.role,
    accessNeeds: [...new Set(values.accessNeeds)],
    accessNotes: notes || null,
  });
  for (const problem of await dtoProblems(input)) {
    errors.add(problem.property, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input };
}
