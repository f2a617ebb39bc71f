import ICAL from 'ical.js';
import type { ReceivedMail } from './smtp-sink';

export interface CalendarPart {
  /** The MIME part's method= parameter: it must equal the body's METHOD, or Outlook ignores it. */
  mimeMethod: string | undefined;
  method: unknown;
  uid: unknown;
  sequence: unknown;
  status: unknown;
  start: Date;
  partstat: unknown;
  url: unknown;
}

/**
 * A received message's text/calendar part as a calendar would read it, parsed by ical.js (not by
 * the code that wrote it), or null when the message has none.
 */
export function calendarOf(mail: ReceivedMail): CalendarPart | null {
  const part = mail.parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) return null;
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    mimeMethod: /^Content-Type: text\/calendar;[^\r\n]*method=([A-Z]+)/im.exec(
      mail.raw.replace(/\r?\n[ \t]+/g, ' '),
    )?.[1],
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    status: vevent.getFirstPropertyValue('status'),
    start: (vevent.getFirstPropertyValue('dtstart') as { toJSDate(): Date }).toJSDate(),
    partstat: vevent.getFirstProperty('attendee')?.getParameter('partstat'),
    url: vevent.getFirstPropertyValue('url'),
  };
}
