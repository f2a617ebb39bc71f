import { ConfigService } from '@nestjs/config';
import { AppConfig, validateEnv } from '@roundtable/platform';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { SmtpSink } from '../../../../test/support/smtp-sink';
import { MailTransport } from './mail-transport.service';

/**
 * The transport against a real SMTP server, signing with a DKIM key from the environment. The
 * signature is checked here with our own small verifier (RFC 6376, relaxed/relaxed), not with
 * nodemailer's code, so a header left out of the signature or a broken body hash fails the test.
 */
describe('MailTransport with DKIM configured', () => {
  let sink: SmtpSink;
  let transport: MailTransport;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const env = validateEnv({
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LINK_KEYS: `unused:${'00'.repeat(32)}`,
      SMTP_URL: sink.url,
      DKIM_DOMAIN: 'roundtable.example.org',
      DKIM_SELECTOR: 'mail2026',
      // As an operator would paste it into one environment variable.
      DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n'),
    });
    transport = new MailTransport(new AppConfig(new ConfigService(env) as ConfigService<never, true>));
  });

  afterAll(async () => {
    transport.onApplicationShutdown();
    await sink.stop();
  });

  it('signs every message, covering both one-click unsubscribe headers', async () => {
    await transport.send({
      from: 'Roundtable <roundtable@roundtable.example.org>',
      to: 'someone@example.com',
      subject: 'You are invited: SEND listening event',
      text: 'Line one   with  spaces \nLine two\n\n\n',
      headers: {
        'List-Unsubscribe': '<https://roundtable.example.org/manage/rtm_x/unsubscribe>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    const raw = sink.received[0]!.raw;

    const signature = tags(headerValue(raw, 'DKIM-Signature'));
    expect(signature).toMatchObject({ a: 'rsa-sha256', d: 'roundtable.example.org', s: 'mail2026' });
    const signed = signature.h!.toLowerCase().split(':');
    expect(signed).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from']));
    const key = createPublicKey(publicKey.export({ type: 'spki', format: 'pem' }));
    expect(verifyDkim(raw, key)).toBe(true);
    // The verifier itself can say no: a changed unsubscribe header or body breaks the signature.
    expect(verifyDkim(raw.replace('List-Unsubscribe=One-Click', 'List-Unsubscribe=Two-Click'), key)).toBe(
      false,
    );
    expect(verifyDkim(raw.replace('Line two', 'Line 2'), key)).toBe(false);
  });
});

function splitMessage(raw: string): { headers: string[]; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, end);
  // Unfolded lines keep their CRLF+WSP continuation inside one entry.
  const headers = headerBlock.split(/\r\n(?![ \t])/);
  return { headers, body: raw.slice(end + 4) };
}

function headerValue(raw: string, name: string): string {
  const line = splitMessage(raw).headers.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) throw new Error(`no ${name} header`);
  return line.slice(line.indexOf(':') + 1);
}

function tags(value: string): Record<string, string> {
  return Object.fromEntries(
    value
      .replace(/\s+/g, '')
      .split(';')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

function relaxedHeader(line: string): string {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

function verifyDkim(raw: string, publicKey: ReturnType<typeof createPublicKey>): boolean {
  const { headers, body } = splitMessage(raw);
  const signatureLine = headers.find((h) => h.toLowerCase().startsWith('dkim-signature:'))!;
  const signature = tags(signatureLine.slice(signatureLine.indexOf(':') + 1));
  const bodyHash = createHash('sha256').update(relaxedBody(body)).digest('base64');
  if (bodyHash !== signature.bh) return false;
  // Each name in h= takes the last not-yet-used instance of that header (RFC 6376 5.4.2).
  const remaining = headers.filter((h) => h !== signatureLine);
  const signedLines = signature.h!.split(':').flatMap((name) => {
    const index = remaining
      .map((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      .lastIndexOf(true);
    if (index < 0) return [];
    const [line] = remaining.splice(index, 1);
    return [`${relaxedHeader(line!)}\r\n`];
  });
  // The signature's own header is signed with its b= value empty (bh= is not b=).
  const unsignedSignature = relaxedHeader(signatureLine).replace(/([:;] ?)b=[^;]*/, '$1b=');
  const data = signedLines.join('') + unsignedSignature;
  return verify('sha256', Buffer.from(data), publicKey, Buffer.from(signature.b!, 'base64'));
}
