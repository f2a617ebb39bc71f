import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@roundtable/platform';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { MailSendError } from './mail-send-error';
import { mailTransportOptions } from './mail-transport-options';

/**
 * The one way mail leaves: a pool of SMTP connections to SMTP_URL, opened on the first send and
 * closed on shutdown. DKIM signing (mailTransportOptions' second argument) is for the day the
 * config carries a key; until then the relay signs.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(config: AppConfig) {
    this.transporter = nodemailer.createTransport(mailTransportOptions(config.get('SMTP_URL')));
  }

  /** Sends one message; resolves with its Message-ID, or rejects with a MailSendError. */
  async send(options: Mail.Options): Promise<string> {
    try {
      const info = await this.transporter.sendMail(options);
      return info.messageId;
    } catch (error) {
      throw new MailSendError(error);
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
