/**
 * A phone number as people write one in the UK: digits and spaces, perhaps a leading +, between 10
 * and 15 digits (07700 900123, 020 7946 0000, +44 7700 900123). Kept as typed (trimmed): staff
 * read it out, nothing dials it.
 */
export const PHONE_PATTERN = /^\s*\+?(?:\d ?){10,15}\s*$/;
export const PHONE_MAX = 32;
export const PHONE_MESSAGE =
  'phone must be a phone number of 10 to 15 digits, with only digits, spaces and a leading +, like 07700 900123';

/** Whether a trimmed, non-empty phone number is one the form and API accept. */
export function isPhoneNumber(value: string): boolean {
  return value.length <= PHONE_MAX && PHONE_PATTERN.test(value);
}
