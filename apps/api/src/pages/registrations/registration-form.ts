import {
  ACCESS_NEEDS,
  ACCESS_NEED_VALUES,
  accessNeedLabel,
  accessNeedsFor,
  ATTENDANCE_VALUES,
  ATTENDEE_ROLE_VALUES,
  isPhoneNumber,
  MAX_COMPANIONS,
  needsThatDoNotFit,
  RegisterDto,
  UpdateRegistrationDto,
  type Attendance,
} from '@roundtable/registrations';
import { checkPersonName, PERSON_NAME_MAX, type TextProblem } from '@roundtable/platform';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { listField, parseWholeNumber, textField } from '../forms/form-fields';
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
  'phone',
  'role',
  'attendance',
  'accessNeedsInPerson',
  'accessNeedsOnline',
  'companions',
  'accessNeeds',
  'accessNotes',
  'partnerContactConsent',
] as const;
export const ACCESS_NEEDS_FORM_FIELDS = ['accessNeeds', 'accessNotes'] as const;
export const COMPANIONS_FORM_FIELDS = ['companions'] as const;

/**
 * A hybrid event's form offers each way of taking part its own needs, under its radio, each group
 * with its own name: only the chosen way's are read, so a box ticked and then hidden is ignored.
 */
const NEEDS_FIELD_BY_ATTENDANCE: Record<Attendance, string> = {
  in_person: 'accessNeedsInPerson',
  online: 'accessNeedsOnline',
};

/** What the person typed, kept as typed so a form shown again with errors loses nothing. */
export interface RegistrationFormValues {
  name: string;
  email: string;
  /** Optional: for those who would rather be called. */
  phone: string;
  role: string;
  /** in_person or online, chosen on a hybrid event's form; '' elsewhere (the event's own format). */
  attendance: string;
  /** As typed: '' reads as 0. */
  companions: string;
  accessNeeds: string[];
  accessNotes: string;
  /** The co-hosts ticked as "may contact me": none unless the person ticks them. */
  partnerContactConsent: string[];
}

export type AccessNeedsFormValues = Pick<RegistrationFormValues, 'accessNeeds' | 'accessNotes'>;

export const EMPTY_REGISTRATION_FORM: RegistrationFormValues = {
  name: '',
  email: '',
  phone: '',
  role: '',
  attendance: '',
  companions: '0',
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
  captions: 'Words on screen as people speak',
  bsl_on_screen: 'We book a qualified interpreter to be on the call',
  papers_in_advance: 'Anything we share on screen, emailed to you before the event',
  easy_read: 'The papers in plain words with pictures',
  other: 'Tell us what you need in the box below',
};

function needItems(needs: ReadonlyArray<(typeof ACCESS_NEEDS)[number]>) {
  return needs.map((need) => ({
    value: need.value,
    text: need.label,
    hint: { text: ACCESS_NEED_HINTS[need.value] },
  }));
}

/** govukCheckboxes items for every access need, each with its hint. */
export const ACCESS_NEED_ITEMS = needItems(ACCESS_NEEDS);

/** govukCheckboxes items for the needs that fit taking part this way. */
export function accessNeedItemsFor(attendance: Attendance) {
  return needItems(accessNeedsFor(attendance));
}

/** A chosen need, as a list of them shows it: the form's "(tell us below)" makes no sense there. */
export function chosenAccessNeedLabel(value: string): string {
  return value === 'other' ? 'Something else' : accessNeedLabel(value);
}

export function readRegistrationForm(body: unknown): RegistrationFormValues {
  const attendance = textField(body, 'attendance');
  const chosenNeeds = (ATTENDANCE_VALUES as readonly string[]).includes(attendance)
    ? listField(body, NEEDS_FIELD_BY_ATTENDANCE[attendance as Attendance])
    : [];
  const { accessNeeds, accessNotes } = readAccessNeedsForm(body);
  return {
    name: textField(body, 'name'),
    email: textField(body, 'email'),
    phone: textField(body, 'phone'),
    role: textField(body, 'role'),
    attendance,
    companions: textField(body, 'companions'),
    accessNeeds: [...accessNeeds, ...chosenNeeds],
    accessNotes,
    partnerContactConsent: listField(body, 'partnerContactConsent'),
  };
}

/** Where the form puts a problem with the needs: by the chosen way's group on a hybrid event's form. */
function needsField(attendanceOffered: Attendance | null, attendance: string): string {
  if (attendanceOffered !== null) return 'accessNeeds';
  return NEEDS_FIELD_BY_ATTENDANCE[attendance as Attendance] ?? 'accessNeeds';
}

const COMPANIONS_MESSAGE = `Enter how many people are coming with you, as a number from 0 to ${MAX_COMPANIONS}`;
const PHONE_FORM_MESSAGE =
  'Enter a phone number like 07700 900123 or +44 7700 900123, using only digits, spaces and a leading +';

/** The number of companions typed, or undefined (with the error added) when it is not one we take. */
function readCompanions(raw: string, errors: FormErrors): number | undefined {
  const companions = parseWholeNumber(raw) ?? 0;
  if (Number.isNaN(companions) || companions > MAX_COMPANIONS) {
    errors.add('companions', COMPANIONS_MESSAGE);
    return undefined;
  }
  return companions;
}

export function readAccessNeedsForm(body: unknown): AccessNeedsFormValues {
  return { accessNeeds: listField(body, 'accessNeeds'), accessNotes: textField(body, 'accessNotes') };
}

/** Every problem at once in the form's words, then the JSON API's own DTO checks. */
export async function parseRegistrationForm(
  values: RegistrationFormValues,
  /** The ids of the event's co-hosts: the only partners the form offers. */
  cohostIds: readonly string[] = [],
  /** The event's one way of taking part, or null for a hybrid event (the person chooses). */
  attendanceOffered: Attendance | null = 'in_person',
): Promise<{ errors: FormErrors; input?: RegisterDto }> {
  const errors = new FormErrors();
  const name = values.name.trim();
  const email = values.email.trim();
  const nameCheck = checkPersonName(name);
  if (name === '') errors.add('name', 'Enter your name');
  else if (!nameCheck.ok) errors.add('name', NAME_MESSAGES[nameCheck.problem] ?? sentence(nameCheck.message));
  if (email === '') errors.add('email', 'Enter your email address');
  const phone = values.phone.trim();
  if (phone !== '' && !isPhoneNumber(phone)) errors.add('phone', PHONE_FORM_MESSAGE);
  if (values.role === '') errors.add('role', 'Select which of these describes you best');
  else if (!(ATTENDEE_ROLE_VALUES as readonly string[]).includes(values.role))
    errors.add('role', 'Select which of these describes you best, from the list');
  const attendance = attendanceOffered ?? values.attendance;
  if (attendanceOffered === null && !(ATTENDANCE_VALUES as readonly string[]).includes(attendance))
    errors.add('attendance', 'Select whether you will come in person or join online');
  const companions = readCompanions(values.companions, errors);
  const needsAt = needsField(attendanceOffered, values.attendance);
  checkAccessNeeds(values, errors, needsAt);
  if ((ATTENDANCE_VALUES as readonly string[]).includes(attendance)) {
    const misfits = needsThatDoNotFit(values.accessNeeds, attendance as Attendance);
    if (misfits.length > 0)
      errors.add(
        needsAt,
        `Select only what you need to take part ${attendance === 'online' ? 'online' : 'in person'}: remove ${misfits.map(chosenAccessNeedLabel).join(', ')}`,
      );
  }
  const consents = [...new Set(values.partnerContactConsent)];
  if (consents.some((id) => !cohostIds.includes(id)))
    errors.add('partnerContactConsent', 'Select from the organisations listed');

  const input = plainToInstance(RegisterDto, {
    name,
    email,
    role: values.role,
    ...(attendanceOffered === null && { attendance: values.attendance }),
    companions: companions ?? 0,
    phone: phone || null,
    accessNeeds: [...new Set(values.accessNeeds)],
    accessNotes: values.accessNotes.trim() || null,
    partnerContactConsent: consents.length > 0 ? consents : undefined,
  });
  for (const problem of await dtoProblems(input)) {
    const field = problem.property === 'accessNeeds' ? needsAt : problem.property;
    errors.add(field, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input };
}

/** The manage page's "how many are coming" form. */
export async function parseCompanionsForm(
  raw: string,
): Promise<{ errors: FormErrors; input?: UpdateRegistrationDto }> {
  const errors = new FormErrors();
  const companions = readCompanions(raw, errors);
  const input = plainToInstance(UpdateRegistrationDto, { companions });
  for (const problem of await dtoProblems(input)) {
    errors.add(problem.property, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input };
}

export async function parseAccessNeedsForm(
  values: AccessNeedsFormValues,
  /** How this person takes part: needs that do not fit it are refused. */
  attendance?: Attendance,
): Promise<{ errors: FormErrors; input?: UpdateRegistrationDto }> {
  const errors = new FormErrors();
  checkAccessNeeds(values, errors);
  const misfits = attendance ? needsThatDoNotFit(values.accessNeeds, attendance) : [];
  if (misfits.length > 0)
    errors.add(
      'accessNeeds',
      `Select only what you need to take part ${attendance === 'online' ? 'online' : 'in person'}`,
    );
  const input = plainToInstance(UpdateRegistrationDto, {
    accessNeeds: [...new Set(values.accessNeeds)],
    accessNotes: values.accessNotes.trim() || null,
  });
  for (const problem of await dtoProblems(input)) {
    errors.add(problem.property, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input };
}

function checkAccessNeeds(values: AccessNeedsFormValues, errors: FormErrors, field = 'accessNeeds'): void {
  if (values.accessNeeds.some((need) => !(ACCESS_NEED_VALUES as readonly string[]).includes(need)))
    errors.add(field, 'Select what you need from the list');
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
  attendance: 'Select whether you will come in person or join online',
  companions: COMPANIONS_MESSAGE,
  phone: PHONE_FORM_MESSAGE,
  partnerContactConsent: 'Select from the organisations listed',
};
