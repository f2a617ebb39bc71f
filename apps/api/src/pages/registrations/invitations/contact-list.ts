import {
  checkEmailAddress,
  checkPersonName,
  normalisePersonName,
  stripUnsafeCharacters,
} from '@roundtable/platform';
import { MAX_CONTACTS_PER_REQUEST } from '@roundtable/registrations';
import { parse } from 'csv-parse/sync';
import addressparser from 'nodemailer/lib/addressparser';

export interface ListedContact {
  name: string;
  email: string;
}

export interface ContactListResult {
  contacts: ListedContact[];
  /** One sentence per line or row to fix, naming it; empty when the whole list can be used. */
  problems: string[];
  /**
   * The people on the lines that can be used, whatever the other lines say (for a preview that
   * leaves the rest out); empty when the list as a whole cannot be (unreadable, too long).
   */
  usable?: ListedContact[];
  /** How many lines or rows cannot be used (`problems` stops listing them at twenty). */
  invalidRows?: number;
}

/** Enough to show what is wrong without a wall of red. */
const MAX_PROBLEMS = 20;

/**
 * A pasted list, one person a line, in whichever of these forms people have to hand:
 *
 *   Sam Jones <sam@example.org>      (as an email program copies addresses)
 *   Sam Jones, sam@example.org       (or a tab or semicolon instead of the comma; either order)
 *   sam@example.org                  (no name: the email says "Hello,")
 *
 * Blank lines are skipped. Pure: the invite page calls it before anything is sent.
 */
export function parsePastedContacts(text: string): ContactListResult {
  const contacts: ListedContact[] = [];
  const problems: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `Line ${index + 1}`;
    const person = readLine(line);
    const problem = personProblem(person, line, where);
    if (problem) problems.push(problem);
    else contacts.push({ name: normalisePersonName(person!.name), email: person!.email });
  });
  return finish(contacts, problems);
}

/**
 * A CSV file with a header row naming its columns: `email` (or `email address`, `e-mail`) is
 * needed, `name` is optional, others are ignored. Row numbers in messages are the lines of the
 * file as a spreadsheet shows them (the header is row 1).
 */
export function parseCsvContacts(file: Buffer | string): ContactListResult {
  let records: string[][];
  try {
    records = parse(file, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      contacts: [],
      problems: [
        `The CSV file could not be read${line ? ` (near row ${line})` : ''}. Save it from your spreadsheet as "CSV (comma delimited)" and try again`,
      ],
    };
  }
  if (records.length === 0) return { contacts: [], problems: ['The CSV file is empty'] };
  const header = records[0].map((cell) => cell.toLowerCase().replace(/[^a-z]/g, ''));
  const emailColumn = header.findIndex((cell) => cell === 'email' || cell === 'emailaddress');
  const nameColumn = header.findIndex((cell) => cell === 'name' || cell === 'fullname');
  if (emailColumn < 0) {
    return {
      contacts: [],
      problems: [
        'The CSV file needs a header row with an "email" column (and, if you have them, a "name" column)',
      ],
    };
  }
  const contacts: ListedContact[] = [];
  const problems: string[] = [];
  records.slice(1).forEach((record, index) => {
    const email = record[emailColumn] ?? '';
    const name = nameColumn >= 0 ? (record[nameColumn] ?? '') : '';
    if (email === '' && name === '') return;
    const person = { name, email };
    const problem =
      email === ''
        ? `Row ${index + 2}: add an email address for ${clip(name)}`
        : personProblem(person, email, `Row ${index + 2}`);
    if (problem) problems.push(problem);
    else contacts.push({ name: normalisePersonName(name), email });
  });
  if (contacts.length === 0 && problems.length === 0) {
    return { contacts, problems: ['The CSV file has a header row but no people under it'] };
  }
  return finish(contacts, problems);
}

/** Splits one pasted line into a name and an address, or undefined when no address is found. */
function readLine(line: string): ListedContact | undefined {
  // "Name <address>", as an email program copies it: nodemailer's parser knows the quoting rules.
  if (line.endsWith('>')) {
    const addresses = addressparser(line, { flatten: true });
    if (addresses.length === 1) {
      // addressparser quietly drops characters it does not expect (a NUL, say): a name typed with
      // them is judged as typed, so the person is told rather than invited under a cleaned name.
      const typed = line.slice(0, line.lastIndexOf('<')).trim();
      const name = stripUnsafeCharacters(typed, false) === typed ? unquote(addresses[0].name) : typed;
      return { name, email: addresses[0].address.trim() };
    }
  }
  const parts = line
    .split(/[,;\t]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 1) return { name: '', email: parts[0] };
  const at = parts.findIndex((part) => part.includes('@'));
  if (at < 0) return undefined;
  return { name: unquote(parts.filter((_, index) => index !== at).join(' ')), email: parts[at] };
}

function personProblem(person: ListedContact | undefined, shown: string, where: string): string | undefined {
  if (!person || person.email === '') return `${where}: add an email address to “${clip(shown)}”`;
  if (!checkEmailAddress(person.email).ok)
    return `${where}: “${clip(person.email)}” is not an email address. Check it looks like name@example.org`;
  // The name is written into an email to an address nobody has confirmed: a name, nothing more.
  const name = checkPersonName(person.name, { field: 'the name', optional: true });
  if (!name.ok) return `${where}: ${name.message}`;
  return undefined;
}

function finish(contacts: ListedContact[], problems: string[]): ContactListResult {
  const invalidRows = problems.length;
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, `And ${more} more line${more === 1 ? '' : 's'} to fix`);
  }
  if (contacts.length > MAX_CONTACTS_PER_REQUEST) {
    return {
      contacts: [],
      problems: [
        `The list has ${contacts.length.toLocaleString('en-GB')} people. Invite at most ${MAX_CONTACTS_PER_REQUEST.toLocaleString('en-GB')} at a time: split the list and send the rest afterwards`,
      ],
    };
  }
  return problems.length > 0
    ? { contacts: [], problems, usable: contacts, invalidRows }
    : { contacts, problems };
}

function unquote(text: string): string {
  return text
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();
}

/** Long enough to recognise the line, short enough for a message. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
