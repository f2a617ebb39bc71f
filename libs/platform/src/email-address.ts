/**
 * One person, one address: trimmed and lower-cased wherever an address is stored or compared
 * (staff sign-in, registrations, invitations), so capitals never make two of one person.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
