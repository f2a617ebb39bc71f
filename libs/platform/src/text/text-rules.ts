/**
 * The one rule for text that people type, whichever route or form it arrives by: normalised
 * (NFC, trimmed, line breaks as \n), and free of the characters that break storage (Postgres
 * refuses NUL), files we write (a line break in a calendar name starts a new calendar line) or a
 * reader's trust (a right-to-left override makes "exe.pdf" read as "fdp.exe"). Pure functions;
 * text.decorators.ts wraps them for DTOs, and the page forms call them directly.
 */

export interface TextRule {
  /** Names the field in messages: "title must not…". */
  field: string;
  /** Most characters (code points) allowed once normalised. */
  max: number;
  /** Newlines and tabs are allowed (descriptions, notes); otherwise one line. */
  multiLine?: boolean;
  /** Empty text is allowed (and comes back as ""). */
  optional?: boolean;
}

export type TextProblem =
  | 'not-text'
  | 'control'
  | 'invisible'
  | 'malformed'
  | 'empty'
  | 'too-long'
  /** Only from checkPersonName: characters a name does not have. */
  | 'not-a-name'
  /** Only from checkEmailAddress: not in the form name@example.org. */
  | 'not-an-address';

export type TextCheck = { ok: true; value: string } | { ok: false; problem: TextProblem; message: string };

/**
 * C0 controls, DEL and C1 controls, and the line and paragraph separators. Tab and newline are
 * allowed back in multi-line fields only.
 */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_EXCEPT_TAB_AND_NEWLINE = /[^\P{Cc}\t\n]|[\u2028\u2029]/u;

/**
 * Format characters (Unicode category Cf) are invisible: bidi overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), direction marks, zero-width spaces, the byte order mark, soft
 * hyphens, tag characters that can smuggle hidden text. Two are kept because scripts and emoji
 * need them: the zero-width joiner and non-joiner. Tag characters are kept only inside the flag
 * sequences they exist for (England, Scotland, Wales).
 */
const FORMAT = /(?!\u200c|\u200d)\p{Cf}/u;
const FLAG_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

/** A lone half of a surrogate pair is not a character: it would be stored as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What text must be more than, to count as given: whitespace, the joiners, and the letters that
 * render as nothing (Hangul fillers, the braille blank) that people use to fake an empty name.
 */
const BLANK = /^(?:[\s\u115f\u1160\u3164\uffa0\u2800]|\u200c|\u200d)*$/u;

/** NFC, trimmed, CRLF and lone CR made LF. Safe on any string; does not check anything. */
export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Characters as people count them (code points), not UTF-16 units. */
export function textLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}

/**
 * Normalises `value` and checks it against `rule`: the normalised text, or the first problem
 * with a message that names the field and says what to fix.
 */
export function checkText(value: unknown, rule: TextRule): TextCheck {
  const refuse = (problem: TextProblem): TextCheck => ({
    ok: false,
    problem,
    message: textProblemMessage(rule, problem),
  });
  if (typeof value !== 'string') return refuse('not-text');
  const text = normaliseText(value);
  if ((rule.multiLine ? CONTROL_EXCEPT_TAB_AND_NEWLINE : CONTROL).test(text)) return refuse('control');
  if (LONE_SURROGATE.test(text)) return refuse('malformed');
  if (FORMAT.test(text.replace(FLAG_TAG_SEQUENCE, ''))) return refuse('invisible');
  if (BLANK.test(text)) return rule.optional ? { ok: true, value: '' } : refuse('empty');
  if (textLength(text) > rule.max) return refuse('too-long');
  return { ok: true, value: text };
}

export function textProblemMessage(rule: TextRule, problem: TextProblem): string {
  const { field } = rule;
  switch (problem) {
    case 'not-text':
      return `${field} must be text`;
    case 'control':
      return rule.multiLine
        ? `${field} must not contain control characters such as NUL (line breaks and tabs are fine)`
        : `${field} must not contain control characters such as NUL or line breaks`;
    case 'malformed':
      return `${field} must be valid Unicode text: it contains half of a character`;
    case 'invisible':
      return `${field} must not contain invisible formatting characters such as direction overrides or zero-width spaces`;
    case 'empty':
      return `${field} must not be empty or only spaces`;
    case 'too-long':
      return `${field} must be at most ${rule.max} characters`;
    case 'not-a-name':
      return `${field} must be a name: letters, spaces, hyphens and apostrophes only`;
    case 'not-an-address':
      return `${field} must be an email address, such as name@example.org`;
  }
}

/**
 * For text written before these rules existed (rows already in the database), on its way into a
 * file: controls are removed (line breaks kept, or made spaces for one-line values) and invisible
 * format characters other than the joiners and flag tags are dropped, so a file built from an old
 * row is as safe as one built from a new row.
 */
export function stripUnsafeCharacters(value: string, keepNewlines: boolean): string {
  const text = value.replace(/\r\n?/g, '\n');
  const controlsGone = keepNewlines
    ? text.replace(/[^\P{Cc}\n\t]|[\u2028\u2029]/gu, '')
    : text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  return controlsGone.replace(/(?!\u200c|\u200d|[\u{E0020}-\u{E007F}])\p{Cf}|\p{Cs}/gu, '');
}
