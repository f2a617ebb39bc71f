import { CreateUserDto, STAFF_ROLES, UpdateUserDto, type Role } from '@roundtable/identity';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { dtoProblems, sentence, type FormWording } from '../forms/service-errors';

export const NEW_STAFF_USER_FIELDS = ['name', 'email', 'role'] as const;
export const STAFF_USER_CHANGE_FIELDS = ['name', 'role'] as const;

/** The roles as the forms offer them, with what each may do. */
export const ROLE_CHOICES = [
  {
    value: 'organiser',
    label: 'Organiser',
    hint: 'Runs events, venues, invitations, check-in, testimony and partners.',
  },
  {
    value: 'admin',
    label: 'Admin',
    hint: 'Everything an organiser does, and also manages staff accounts, site texts and the audit log.',
  },
] as const;

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Admin',
  organiser: 'Organiser',
  partner: 'Partner',
};

export interface StaffUserFormValues {
  name: string;
  email: string;
  role: string;
}

export function readStaffUserForm(body: unknown): StaffUserFormValues {
  return { name: textField(body, 'name'), email: textField(body, 'email'), role: textField(body, 'role') };
}

function isStaffRole(role: string): role is Role {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** A new staff user's form: every problem at once, then the JSON API's own DTO checks. */
export async function parseNewStaffUser(
  values: StaffUserFormValues,
): Promise<{ errors: FormErrors; input?: { name: string; email: string; role: Role } }> {
  const errors = new FormErrors();
  if (values.name.trim() === '') errors.add('name', 'Enter their full name');
  if (values.email.trim() === '') errors.add('email', 'Enter their email address');
  if (!isStaffRole(values.role)) errors.add('role', 'Select what they can do: organiser or admin');
  const dto = plainToInstance(CreateUserDto, {
    name: values.name,
    email: values.email.trim().toLowerCase(),
    role: isStaffRole(values.role) ? values.role : 'organiser',
  });
  for (const problem of await dtoProblems(dto)) errors.add(problem.property, sentence(problem.message));
  if (errors.any || !isStaffRole(values.role)) return { errors };
  return { errors, input: { name: dto.name, email: dto.email, role: values.role } };
}

/** A change of name or role. */
export async function parseStaffUserChange(
  values: Pick<StaffUserFormValues, 'name' | 'role'>,
): Promise<{ errors: FormErrors; input?: UpdateUserDto }> {
  const errors = new FormErrors();
  if (values.name.trim() === '') errors.add('name', 'Enter their full name');
  if (!isStaffRole(values.role)) errors.add('role', 'Select what they can do: organiser or admin');
  const dto = plainToInstance(UpdateUserDto, {
    name: values.name,
    role: isStaffRole(values.role) ? values.role : undefined,
  });
  for (const problem of await dtoProblems(dto)) errors.add(problem.property, sentence(problem.message));
  return { errors, input: errors.any ? undefined : dto };
}

/** The services' refusals by the form's fields and in the form's words. */
export const STAFF_USER_WORDING: FormWording = {
  rules: {
    'one-user-per-email': (_, errors) =>
      errors.add('email', 'Someone already has an account with this email address'),
    'keep-one-admin': (_, errors) =>
      errors.add(
        'role',
        'This is the only active admin, so they must stay an admin. Make someone else an admin first',
      ),
  },
};
