/**
 * The few pieces of RFC 5545 an invite needs, written as ical-generator writes them (so an invite
 * is the same file byte for byte; invite-calendar.spec.ts compares the two) at a fraction of the
 * cost: ical-generator folds by allocating a TextEncoder for every character of the file, and
 * an invite is built for every message the worker sends.
 */

/** TEXT as RFC 5545 escapes it (3.3.11): backslash, semicolon and comma; a line break as \n. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (a CN), escaped as ical-generator escapes it. */
export function escapeQuoted(value: string): string {
  return value.replace(/[\\"]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A UTC DATE-TIME: 20260701T090000Z. */
export function utcDateTime(date: Date): string {
  const iso = date.toISOString();
  // 2026-07-01T09:00:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/**
 * One content line folded (RFC 5545 3.1): no line longer than 75 octets of UTF-8 with its CRLF
 * left out, the first at most 74 and each continuation a space and at most 74 more, as
 * ical-generator folds. A character is never split, nor a surrogate pair: the fold falls before
 * it. Counts octets from UTF-16 code units, without encoding anything.
 */
export function foldLine(line: string): string {
  // Most lines are short ASCII: 74 code units are at most 74 octets only if all are ASCII, so
  // the common case is one scan and no copy.
  if (line.length <= 74 && isAscii(line)) return line;
  let folded = '';
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i += 1) {
    const unit = line.charCodeAt(i);
    let size: number;
    let width = 1;
    if (unit < 0x80) size = 1;
    else if (unit < 0x800) size = 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      // A high surrogate is taken with the unit after it, whatever that is, as ical-generator
      // does: a pair is one 4-octet character; a lone half is written as U+FFFD (3 octets).
      width = i + 1 < line.length ? 2 : 1;
      const next = line.charCodeAt(i + 1);
      size = width === 2 && next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + (width === 2 ? unitOctets(next) : 0);
    } else size = 3;
    octets += size;
    if (octets > 74) {
      folded += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = size;
    }
    i += width - 1;
  }
  return folded + line.slice(start);
}

/** The octets of one UTF-16 unit standing alone (a lone surrogate is written as U+FFFD). */
function unitOctets(unit: number): number {
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  return 3;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Lines joined with CRLF, each folded; the last without a CRLF after it, as ical-generator ends. */
export function contentLines(lines: readonly string[]): string {
  return lines.map(foldLine).join('\r\n');
}
