import { MailSendError, withoutAddresses } from './mail-send-error';

/** An error shaped as nodemailer's SMTP errors are. */
function smtpError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'failed')), fields);
}

describe('MailSendError', () => {
  it("describes a refusal by its code, command and the server's words, with addresses replaced", () => {
    const error = new MailSendError(
      smtpError({
        message:
          "Can't send mail - all recipients were rejected: 550 5.1.1 <sam.jones@example.org>: no such user",
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 550,
        response: '550 5.1.1 <sam.jones@example.org>: no such user',
      }),
    );
    expect(error.message).toBe('EENVELOPE at RCPT 550: 550 5.1.1 <<address>>: no such user');
    expect(error.responseCode).toBe(550);
  });

  it('describes a connection failure, which has no reply', () => {
    const error = new MailSendError(
      smtpError({ message: 'connect ECONNREFUSED 127.0.0.1:1025', code: 'ESOCKET' }),
    );
    expect(error.message).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:1025');
    expect(error.responseCode).toBeUndefined();
  });

  it('copes with something thrown that is not an error', () => {
    expect(new MailSendError('nope').message).toBe('SMTP send failed');
  });
});

describe('withoutAddresses', () => {
  it('replaces every address, puts the text on one line and keeps it short', () => {
    expect(withoutAddresses('to a.b+c@example.org,\n  x@y.co.uk')).toBe('to <address>, <address>');
    expect(withoutAddresses('x'.repeat(400))).toHaveLength(300);
  });
});
