import type { Office } from '@roundtable/notifications';
import addressparser from 'nodemailer/lib/addressparser';

/** The envelope's sender: always in the office's name, with replies to the office's own address. */
export interface OfficeSender {
  from: NamedAddress;
  /** Set when mail is sent from another address than OFFICE_EMAIL. */
  replyTo?: NamedAddress;
}

export interface NamedAddress {
  name: string;
  address: string;
}

/**
 * Who every message is from. The name is always OFFICE_NAME, so people see who is writing. The
 * address is MAIL_FROM's when it is set (a relay may only send as its own domain, e.g.
 * "no-reply@mail.example.org"; a name in it is not used), otherwise OFFICE_EMAIL; replies go to
 * OFFICE_EMAIL whenever the two differ.
 */
export function officeSender(office: Office, mailFrom?: string): OfficeSender {
  const address = mailFrom ? addressOf(mailFrom) : office.email;
  const from = { name: office.name, address };
  return address.toLowerCase() === office.email.toLowerCase()
    ? { from }
    : { from, replyTo: { name: office.name, address: office.email } };
}

function addressOf(mailFrom: string): string {
  const [first] = addressparser(mailFrom, { flatten: true });
  if (!first?.address) throw new Error('MAIL_FROM must name an address, e.g. "office@example.org"');
  return first.address;
}
