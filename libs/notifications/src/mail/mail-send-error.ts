/**
 * A failed send, described without personal data: the ledger stores this text and the worker
 * logs it, so recipient addresses the SMTP server echoes back ("550 <sam@example.org>: no such
 * user") are replaced, and nothing else of the message is included.
 */
export class MailSendError extends Error {
  /** The SMTP reply code when the server answered (4xx try later, 5xx refused), else undefined. */
  readonly responseCode?: number;

  constructor(cause: unknown) {
    super(describe(cause));
    this.name = 'MailSendError';
    const code = (cause as { responseCode?: unknown } | null)?.responseCode;
    this.responseCode = typeof code === 'number' ? code : undefined;
  }
}

const ADDRESS = /[^\s<>"'(),;:@[\]]+@[^\s<>"'(),;:@[\]]+/g;
const MAX_LENGTH = 300;

/** Text fit for the ledger and the logs: email addresses replaced, on one line, not too long. */
export function withoutAddresses(text: string): string {
  const clean = text.replace(ADDRESS, '<address>').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH - 1)}…` : clean;
}

function describe(cause: unknown): string {
  // Duck-typed: a socket error comes from Node's own realm, where instanceof Error can fail.
  if (typeof cause !== 'object' || cause === null) return 'SMTP send failed';
  const { message, code, responseCode, command, response } = cause as {
    message?: unknown;
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
    response?: unknown;
  };
  const parts = [
    typeof code === 'string' ? code : 'SMTP error',
    typeof command === 'string' ? `at ${command.split(' ')[0]}` : undefined,
    typeof responseCode === 'number' ? String(responseCode) : undefined,
  ].filter(Boolean);
  // The server's own words help most ("452 mailbox full", "421 try later"); the error message
  // often repeats the addresses, so use the reply, scrubbed, and fall back to the message.
  const detail = typeof response === 'string' ? response : String(message ?? '');
  return withoutAddresses(`${parts.join(' ')}: ${detail}`);
}
