import addressparser from 'nodemailer/lib/addressparser';
import type { Office } from '@roundtable/notifications';

/**
 * The office as MAIL_FROM names it ("Halesowen Constituency Office <office@example.org>"): the
 * sender of every message, the organiser of every invite, and who people contact.
 */
export function officeFromMailFrom(mailFrom: string): Office {
  const [first] = addressparser(mailFrom, { flatten: true });
  if (!first?.address) throw new Error('MAIL_FROM must name an address, e.g. "Office <office@example.org>"');
  return { name: first.name || first.address, email: first.address };
}
