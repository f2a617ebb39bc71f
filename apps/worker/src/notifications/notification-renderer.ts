import { Injectable } from '@nestjs/common';
import {
  officeFromConfig,
  toMailOptions,
  type Message,
  type Notification,
  type Office,
} from '@roundtable/notifications';
import { AppConfig } from '@roundtable/platform';
import type Mail from 'nodemailer/lib/mailer';
import { officeSender, type OfficeSender } from './office-sender';

/**
 * What every message the worker sends has in common, whoever it is for: the office it comes from,
 * the address its links start with, and the envelope (from the office, the same Message-ID on
 * every attempt, the ledger row's id in a header). Each audience's preparer builds the message
 * itself (with its kind's registry entry) and hands it here to become the mail to send.
 */
@Injectable()
export class NotificationRenderer {
  /** The sender of every message, the organiser of every invite, and who people contact. */
  readonly office: Office;
  /** From the office by name, replies to the office's address (see officeSender). */
  readonly sender: OfficeSender;
  /** PUBLIC_URL without a trailing slash, for the links in messages. */
  readonly publicUrl: string;

  constructor(config: AppConfig) {
    this.office = officeFromConfig(config);
    this.sender = officeSender(this.office, config.get('MAIL_FROM'));
    this.publicUrl = config.get('PUBLIC_URL').replace(/\/+$/, '');
  }

  /** The mail for a row's built message, to `to` (a name and address, or an address). */
  render(row: Notification, message: Message, to: string | Mail.Address): Mail.Options {
    const options = toMailOptions(message, { ...this.sender, to });
    return {
      ...options,
      // The same Message-ID on every attempt, so a receiving server that sees a retry of a
      // message it already accepted can recognise it as a duplicate.
      messageId: `<${row.id}@${domainOf(this.sender.from.address)}>`,
      // An id, not personal data: lets a bounce or a test find the ledger row.
      headers: { ...(options.headers as Record<string, string> | undefined), 'X-Notification-Id': row.id },
    };
  }
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
