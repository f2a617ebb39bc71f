import { AREAS } from '@roundtable/events';
import { CharityNumberInvalid, parseCharityNumber, RegisterPartnerDto } from '@roundtable/partners';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { listField, textField } from '../forms/form-fields';
import { dtoProblems, sentence } from '../forms/service-errors';

export const PARTNER_FORM_FIELDS = [
  'name',
  'charityNumber',
  'contactName',
  'contactEmail',
  'description',
  'areas',
];

export interface PartnerFormValues {
  name: string;
  charityNumber: string;
  contactName: string;
  contactEmail: string;
  description: string;
  areas: string[];
}

export const EMPTY_PARTNER_FORM: PartnerFormValues = {
  name: '',
  charityNumber: '',
  contactName: '',
  contactEmail: '',
  description: '',
  areas: [],
};

export function readPartnerForm(body: unknown): PartnerFormValues {
  return {
    name: textField(body, 'name'),
    charityNumber: textField(body, 'charityNumber'),
    contactName: textField(body, 'contactName'),
    contactEmail: textField(body, 'contactEmail'),
    description: textField(body, 'description'),
    areas: listField(body, 'areas'),
  };
}

/** The form's own words where the API's would read oddly on a page. */
const FORM_WORDS: Record<string, (message: string) => string> = {
  areas: () => 'Select at least one area your organisation serves',
  name: (message) => (message.includes('empty') ? "Enter your organisation's name" : sentence(message)),
  contactName: (message) => (message.includes('empty') ? 'Enter the name of the contact' : sentence(message)),
  contactEmail: () => 'Enter an email address in the correct format, like name@example.org',
  description: (message) =>
    message.includes('empty') ? 'Say what your organisation does' : sentence(message),
  charityNumber: () => sentence(new CharityNumberInvalid().message),
};

/** The values as the API's DTO, checked by the same rules; errors by field when they break any. */
export async function checkPartnerForm(
  values: PartnerFormValues,
): Promise<{ input: RegisterPartnerDto; errors: FormErrors }> {
  const input = plainToInstance(RegisterPartnerDto, {
    ...values,
    charityNumber: values.charityNumber.trim() === '' ? undefined : values.charityNumber,
  });
  const errors = new FormErrors();
  const problems = await dtoProblems(input);
  for (const field of PARTNER_FORM_FIELDS) {
    const problem = problems.find((each) => each.property === field);
    if (problem) errors.add(field, (FORM_WORDS[field] ?? sentence)(problem.message));
    // The format is the service's rule; checked here too so every problem shows at once.
    if (field === 'charityNumber' && input.charityNumber && !parseCharityNumber(input.charityNumber)) {
      errors.add(field, FORM_WORDS.charityNumber(''));
    }
  }
  return { input, errors };
}

export function areaItems(selected: readonly string[]) {
  return AREAS.map((area) => ({
    value: area.value,
    text: area.label,
    checked: selected.includes(area.value),
  }));
}
