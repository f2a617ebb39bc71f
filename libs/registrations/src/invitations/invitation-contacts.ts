import {
  checkEmailAddress,
  checkPersonName,
  normaliseEmail,
  normalisePersonName,
} from '@roundtable/platform';

/** The most people one request can invite; a larger list is sent in several requests. */
export const MAX_CONTACTS_PER_REQUEST = 10_000;

export interface Contact {
  name: string;
  /** Normalised (trimmed, lower-cased). */
  email: string;
}

export interface CheckedContacts {
  /** One per address, first spelling of the name kept, in the order given. */
  contacts: Contact[];
  /** Entries naming an address given earlier in the same list. */
  duplicates: number;
  /** What to fix, naming each entry (`contacts[3].email must be…`); empty when all is well. */
  problems: string[];
}

const FIELDS = new Set(['name', 'email']);
/** Enough to say what is wrong without burying the message in thousands of lines. */
const MAX_PROBLEMS = 50;

/**
 * Checks a list of `{ name, email }` as the invitations route receives it, entry by entry, so a
 * refusal names the entries to fix. Pure: the service calls it before it writes anything, and
 * nothing is written unless `problems` is empty.
 */
export function checkContacts(input: unknown, field = 'contacts'): CheckedContacts {
  const refuse = (problem: string): CheckedContacts => ({ contacts: [], duplicates: 0, problems: [problem] });
  if (!Array.isArray(input)) return refuse(`${field} must be a list of people, each { name, email }`);
  if (input.length === 0) return refuse(`${field} must list at least one person`);
  if (input.length > MAX_CONTACTS_PER_REQUEST) {
    return refuse(
      `${field} lists ${input.length} people; send at most ${MAX_CONTACTS_PER_REQUEST} in one request and the rest in another`,
    );
  }

  const problems: string[] = [];
  const seen = new Set<string>();
  const contacts: Contact[] = [];
  let duplicates = 0;
  input.forEach((entry: unknown, index) => {
    const at = `${field}[${index}]`;
    const own = entryProblems(entry, at);
    if (own.length > 0) {
      problems.push(...own);
      return;
    }
    const { name, email } = entry as { name?: string | null; email: string };
    const normalised = normaliseEmail(email);
    if (seen.has(normalised)) {
      duplicates += 1;
      return;
    }
    seen.add(normalised);
    contacts.push({ name: typeof name === 'string' ? normalisePersonName(name) : '', email: normalised });
  });
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, `and ${more} more problem${more === 1 ? '' : 's'} like these`);
  }
  return problems.length > 0 ? { contacts: [], duplicates: 0, problems } : { contacts, duplicates, problems };
}

function entryProblems(entry: unknown, at: string): string[] {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return [`${at} must be a person, { name, email }`];
  }
  const record = entry as Record<string, unknown>;
  const problems = Object.keys(record)
    .filter((key) => !FIELDS.has(key))
    .map((key) => `${at}.${key} is not a field we accept: remove it`);
  const { name, email } = record;
  if (name !== undefined && name !== null) {
    // The name is written into an email to an address nobody has confirmed: a name, nothing more.
    const checked = checkPersonName(name, { field: `${at}.name`, optional: true });
    if (!checked.ok) problems.push(checked.message);
  }
  if (typeof email !== 'string' || email.trim() === '') {
    problems.push(`${at}.email is missing: give the person's email address`);
  } else {
    const address = checkEmailAddress(email, `${at}.email`);
    if (!address.ok) problems.push(address.message);
  }
  return problems;
}
