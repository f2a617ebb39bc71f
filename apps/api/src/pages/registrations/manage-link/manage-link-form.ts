import { ManageLinkRequestDto } from '@roundtable/registrations';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../../forms/form-errors';
import { textField } from '../../forms/form-fields';
import { dtoProblems } from '../../forms/service-errors';

export const MANAGE_LINK_FORM_FIELDS = ['email'] as const;

/** The "send me my link again" form: one email address, checked as the JSON API checks it. */
export async function parseManageLinkForm(
  body: unknown,
): Promise<{ email: string; errors: FormErrors; input?: ManageLinkRequestDto }> {
  const email = textField(body, 'email').trim();
  const errors = new FormErrors();
  if (email === '') {
    errors.add('email', 'Enter your email address');
    return { email, errors };
  }
  const input = plainToInstance(ManageLinkRequestDto, { email });
  if ((await dtoProblems(input)).length > 0) {
    errors.add('email', 'Enter an email address in the correct format, like name@example.org');
  }
  return { email, errors, input: errors.any ? undefined : input };
}
