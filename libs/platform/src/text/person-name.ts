import { checkText, normaliseText, textProblemMessage, type TextCheck } from './text-rules';

export const PERSON_NAME_MAX = 100;

/**
 * A person's name is one line of ordinary characters: letters of any script with their marks,
 * spaces, apostrophes (' and ’), hyphens and full stops. The office writes names into emails it
 * sends to addresses nobody has proved are theirs, so a name must not be able to carry a message
 * ("pay the deposit at pay.example"): no digits, no @, / or :, no word.tld.
 */
const NAME_CHARACTERS = /^[\p{L}\p{M} '’\-‐.\u200c\u200d]+$/u;
/** "pay.example", "Jones.co": letters, a dot, letters, as a domain is written. "J.R. Smith" is fine. */
const DOMAIN_LIKE = /\p{L}{2,}\.\p{L}{2,}/u;

export interface PersonNameRule {
  /** Names the field in messages; "name" unless said. */
  field?: string;
  /** An empty name is allowed (an invitation without a name says "Hello,"). */
  optional?: boolean;
}

/** Spaces of any kind, in runs, become one ordinary space: a name pasted from a document stays a name. */
export function normalisePersonName(value: string): string {
  return normaliseText(value).replace(/\p{Zs}+/gu, ' ');
}

export function personNameMessage(field = 'name'): string {
  return textProblemMessage({ field, max: PERSON_NAME_MAX }, 'not-a-name');
}

/** Checks a name by the text rule, then by what a name may hold; the normalised name or a message. */
export function checkPersonName(value: unknown, rule: PersonNameRule = {}): TextCheck {
  const field = rule.field ?? 'name';
  const text = checkText(typeof value === 'string' ? normalisePersonName(value) : value, {
    field,
    max: PERSON_NAME_MAX,
    optional: rule.optional,
  });
  if (!text.ok || text.value === '') return text;
  if (!NAME_CHARACTERS.test(text.value) || !/\p{L}/u.test(text.value) || DOMAIN_LIKE.test(text.value)) {
    return { ok: false, problem: 'not-a-name', message: personNameMessage(field) };
  }
  return text;
}
