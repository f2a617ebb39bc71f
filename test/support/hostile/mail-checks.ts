import type { ReceivedMail } from '../smtp-sink';
import { calendarProblems, markupProblems } from './hostile-check';
import { INJECTED_ADDRESS_DOMAIN, INJECTED_HEADER_NAMES } from './hostile-values';

/** A header field name, as RFC 5322 allows it: printable ASCII except the colon. */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;

/**
 * The header block of a raw message, one logical header a line: every line of it must start
 * with a field name (a line break someone typed would start one that does not, or start a
 * field of its own, such as Bcc), and no bare CR or LF may hide inside a line.
 */
export function headerProblems(raw: string): string[] {
  const end = raw.indexOf('\r\n\r\n');
  const block = end === -1 ? raw : raw.slice(0, end);
  const problems: string[] = [];
  const unfolded = block.replace(/\r\n[ \t]+/g, ' ');
  for (const line of unfolded.split('\r\n')) {
    if (/[\r\n]/.test(line))
      problems.push(`a bare line break inside the header ${JSON.stringify(line.slice(0, 80))}`);
    else if (!HEADER_LINE.test(line))
      problems.push(`a header line that is not a header: ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, line.indexOf(':')).toLowerCase();
    if ((INJECTED_HEADER_NAMES as readonly string[]).includes(name))
      problems.push(`an injected header: ${JSON.stringify(line.slice(0, 80))}`);
  }
  return problems;
}

/** Every check on one message the worker sent: headers, recipients, HTML part, calendar parts. */
export function mailProblems(mail: ReceivedMail): string[] {
  const problems = headerProblems(mail.raw);
  for (const recipient of mail.envelopeTo) {
    if (recipient.toLowerCase().includes(INJECTED_ADDRESS_DOMAIN))
      problems.push(`sent to an injected recipient ${recipient}`);
  }
  if (typeof mail.parsed.html === 'string')
    problems.push(...markupProblems(mail.parsed.html).map((p) => `HTML part: ${p}`));
  for (const part of mail.parsed.attachments) {
    if (part.contentType === 'text/calendar')
      problems.push(...calendarProblems(part.content.toString('utf8')).map((p) => `calendar part: ${p}`));
  }
  return problems;
}
