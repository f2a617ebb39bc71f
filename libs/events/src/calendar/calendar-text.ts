import { stripUnsafeCharacters } from '@roundtable/platform';

/**
 * Text on its way into a calendar file. New text is refused at the door if it holds controls
 * (libs/platform/src/text), but rows stored before that rule, and whatever comes next, are made
 * safe here too: a line break that reaches a calendar line unescaped starts a new line, and a
 * calendar client then accepts whatever follows as ours ("BEGIN:VEVENT…Pay your deposit at…").
 */

/**
 * For properties ical-generator escapes itself (SUMMARY, DESCRIPTION, LOCATION): controls and
 * invisible formatting removed; line breaks kept where the text has paragraphs.
 */
export function calendarText(value: string, { multiLine }: { multiLine: boolean }): string {
  return stripUnsafeCharacters(value, multiLine).trim();
}

/**
 * For the properties ical-generator writes as given (X-WR-CALNAME, X-WR-CALDESC, PRODID): one
 * line, without controls, escaped as RFC 5545 TEXT (backslash, semicolon, comma), so nothing
 * in it can end the line or the value.
 */
export function calendarRawText(value: string): string {
  return calendarText(value, { multiLine: false }).replace(/[\\;,]/g, (character) => `\\${character}`);
}

/**
 * For a quoted parameter (an ORGANIZER's or ATTENDEE's CN): RFC 5545 allows no double quote and
 * no control character there, and ical-generator writes \" which parsers read as the end of the
 * name.
 */
export function calendarParameter(value: string): string {
  return calendarText(value, { multiLine: false }).replace(/"/g, "'");
}
