import { isEmail } from 'class-validator';
import { checkText, textProblemMessage, type TextCheck } from './text/text-rules';

/**
 * One person, one address: trimmed and lower-cased wherever an address is stored or compared
 * (staff sign-in, registrations, invitations), so capitals never make two of one person.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EMAIL_ADDRESS_MAX = 254;

/**
 * An address we can send to: one line of text by the text rule (isEmail alone lets a
 * right-to-left override or a zero-width space through, in the local part and the domain), in the
 * form name@example.org, at most 254 characters. Gives back the trimmed address, or a message.
 */
export function checkEmailAddress(value: unknown, field = 'email'): TextCheck {
  const text = checkText(value, { field, max: EMAIL_ADDRESS_MAX });
  if (!text.ok) return text;
  if (!isEmail(text.value)) {
    return {
      ok: false,
      problem: 'not-an-address',
      message: textProblemMessage({ field, max: EMAIL_ADDRESS_MAX }, 'not-an-address'),
    };
  }
  return text;
}
