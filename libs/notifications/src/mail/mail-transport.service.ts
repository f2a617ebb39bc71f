import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, InvalidEnvironmentError } from '@roundtable/platform';
import { createPrivateKey } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { composeMessage } from './composed-message';
import { MailSendError } from './mail-send-error';
import { mailTransportOptions, type DkimKey } from './mail-transport-options';

/**
 * The one way mail leaves: a pool of SMTP connections to SMTP_URL, opened on the first send and
 * closed on shutdown. Messages are DKIM-signed here when DKIM_* is configured; otherwise the
 * relay is expected to sign for the sending domain.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(config: AppConfig) {
    this.transporter = nodemailer.createTransport(
      mailTransportOptions(config.get('SMTP_URL'), dkimKeyFrom(config)),
    );
  }

  /**
   * Sends one message; resolves with its Message-ID, or rejects with a MailSendError. The message
   * is composed into one buffer first (the same MIME nodemailer would write: see composeMessage)
   * and handed to the pool as it is. Streamed from the composer straight to the connection it
   * left in about 18 socket writes, each a system call that on loopback also runs the receiver's
   * TCP stack, which profiles showed to be a large share of the worker's CPU; a buffer leaves in
   * one or two. DKIM, when configured, still signs it in the pool.
   */
  async send(options: Mail.Options): Promise<string> {
    try {
      const { raw, envelope, messageId } = await composeMessage(options);
      const info = await this.transporter.sendMail({ envelope, messageId, raw });
      return info.messageId;
    } catch (error) {
      throw new MailSendError(error);
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

function dkimKeyFrom(config: AppConfig): DkimKey | undefined {
  const domainName = config.get('DKIM_DOMAIN');
  const keySelector = config.get('DKIM_SELECTOR');
  const privateKey = config.get('DKIM_PRIVATE_KEY');
  // The schema accepts all three or none.
  if (!domainName || !keySelector || !privateKey) return undefined;
  // Parsed once here: given the PEM, crypto parses it again for every signature, which measured
  // about 1 ms of CPU a message (RSA-2048) against 0.3 ms for the signature itself. A key that
  // does not parse stops the worker at start instead of every message going out unsigned.
  try {
    return { domainName, keySelector, privateKey: createPrivateKey(privateKey) };
  } catch {
    // The key itself is never put in the message.
    throw new InvalidEnvironmentError(
      'Invalid configuration: DKIM_PRIVATE_KEY is not a private key that can be read',
    );
  }
}
