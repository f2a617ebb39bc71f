import { ATTENDEE_ROLES, accessNeedLabel, type Registration } from '@roundtable/registrations';
import { protectCell } from '@roundtable/testimony';
import { stringify } from 'csv-stringify/sync';

/** How an erased registration (see the worker's RegistrationRetention) is named in lists. */
export const ERASED_NAME = '(erased)';

export function displayName(registration: Registration): string {
  return registration.name === '' ? ERASED_NAME : registration.name;
}

export function roleLabel(role: string | null): string {
  return ATTENDEE_ROLES.find((known) => known.value === role)?.label ?? 'Not given';
}

/** "In person" or "Online". */
export function attendanceWords(attendance: string): string {
  return attendance === 'online' ? 'Online' : 'In person';
}

/** "Something else" for the free-text need; the rest in the words the form uses. */
export function accessNeedWords(needs: readonly string[]): string {
  return needs.map((need) => (need === 'other' ? 'Something else' : accessNeedLabel(need))).join('; ');
}

/**
 * An event's registrations as CSV: one row each, the access needs in words. Every cell that a
 * spreadsheet would run as a formula is written as text (protectCell), as the evidence report's is.
 */
export function toRegistrationsCsv(registrations: readonly Registration[]): string {
  const rows: string[][] = [
    [
      'name',
      'email',
      'role',
      'status',
      'access needs',
      'access notes',
      'attended',
      'phone',
      'attendance',
      'party size',
    ],
  ];
  for (const registration of registrations) {
    const erased = registration.name === '';
    rows.push([
      displayName(registration),
      erased ? '' : (registration.email ?? ''),
      roleLabel(registration.role),
      registration.status,
      accessNeedWords(registration.accessNeeds),
      registration.accessNotes ?? '',
      registration.attendedAt ? registration.attendedAt.toISOString() : '',
      registration.phone ?? '',
      attendanceWords(registration.attendance),
      String(1 + registration.companions),
    ]);
  }
  return stringify(rows.map((row) => row.map((cell) => protectCell(cell) as string)));
}

/**
 * "registrations-2026-03-16-post-16-places.csv": the event's day (UK) and its title reduced to
 * ASCII letters, digits and hyphens, so no quote, CR or LF from the title reaches the header.
 */
export function registrationsFileName(event: { title: string; startsAt: Date }, extension = 'csv'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(event.startsAt);
  const slug = event.title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `registrations-${day}${slug ? `-${slug}` : ''}.${extension}`;
}
