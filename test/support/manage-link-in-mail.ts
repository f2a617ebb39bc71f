import type { ReceivedMail } from './smtp-sink';

const MANAGE_LINK = /\/manage\/(rtm_[A-Za-z0-9_-]{43})/;

/**
 * The manage token an email links to, read from both its plain-text and its HTML part, which must
 * agree. Throws when either part has no manage link, so a test cannot pass on a message without one.
 */
export function manageTokenIn(mail: ReceivedMail): string {
  const text = mail.parsed.text ?? '';
  const html = typeof mail.parsed.html === 'string' ? mail.parsed.html : '';
  const inText = MANAGE_LINK.exec(text)?.[1];
  const inHtml = MANAGE_LINK.exec(html)?.[1];
  if (!inText || !inHtml) {
    throw new Error(`no manage link in the ${inText ? 'HTML' : 'text'} part of "${mail.parsed.subject}"`);
  }
  if (inText !== inHtml)
    throw new Error(`the text and HTML parts of "${mail.parsed.subject}" link differently`);
  return inText;
}
