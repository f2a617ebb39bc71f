import type { KeyObject } from 'node:crypto';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { DKIM_HEADER_FIELD_NAMES } from './dkim-header-fields';

export interface DkimKey {
  domainName: string;
  keySelector: string;
  /** A PEM, or better the key parsed once (see MailTransport): node signs with either. */
  privateKey: string | KeyObject;
}

/**
 * The pooled SMTP transport's options. The timeouts are far shorter than nodemailer's (a silent
 * socket is given up after 10 minutes by default): a claimed ledger row is handed back to
 * another worker only after its lease, so a send must always end, well within it.
 */
export function mailTransportOptions(smtpUrl: string, dkim?: DkimKey): SMTPPool.Options {
  return {
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // Signed headers listed explicitly, so List-Unsubscribe-Post is always covered (RFC 8058).
    // nodemailer hands privateKey to crypto's Sign.sign(), which takes a KeyObject as well as a
    // PEM; its types name only the PEM.
    ...(dkim && {
      dkim: { ...dkim, privateKey: dkim.privateKey as string, headerFieldNames: DKIM_HEADER_FIELD_NAMES },
    }),
  };
}
