import type Mail from 'nodemailer/lib/mailer';
import type { Message } from '../messages/message';

export interface MailEnvelope {
  from: string | Mail.Address;
  to: string | Mail.Address;
  /** Where replies go, when not to `from` (the office's own address when mail is sent from another). */
  replyTo?: Mail.Address;
  /** Overrides the message's own one-click unsubscribe link. */
  listUnsubscribe?: string;
}

/**
 * Turns a built message into nodemailer options. The calendar goes in `icalEvent` with the
 * body's METHOD as the MIME part's method= (Outlook ignores an invite whose two disagree;
 * nodemailer would otherwise say PUBLISH). nodemailer sends it as a text/calendar alternative,
 * which Gmail needs to show an invite, and also attaches a copy as invite.ics.
 */
export function toMailOptions(message: Message, envelope: MailEnvelope): Mail.Options {
  const options: Mail.Options = {
    from: envelope.from,
    to: envelope.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    ...(envelope.replyTo && { replyTo: envelope.replyTo }),
  };
  if (message.calendar) {
    options.icalEvent = {
      method: message.calendar.method,
      content: message.calendar.content,
      filename: 'invite.ics',
    };
  }
  const unsubscribe = envelope.listUnsubscribe ?? message.listUnsubscribe;
  if (unsubscribe) {
    // RFC 8058 one-click: a POST to this URL unsubscribes, with no page to confirm on.
    options.headers = {
      'List-Unsubscribe': `<${unsubscribeUrl(unsubscribe)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }
  return options;
}

/** RFC 8058 needs an http(s) URL; URL parsing also strips anything that could break the header. */
function unsubscribeUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('toMailOptions: the unsubscribe link must be an https URL');
  }
  return url.href;
}
