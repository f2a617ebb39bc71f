import { ConfigService } from '@nestjs/config';
import { AppConfig, InvalidEnvironmentError, validateEnv } from '@roundtable/platform';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { generateKeyPairSync } from 'node:crypto';
import { SmtpSink } from '../../../../test/support/smtp-sink';
import { MailTransport } from './mail-transport.service';

/**
 * The transport against a real SMTP server, signing with a DKIM key from the environment. The
 * signature is checked with mailauth's verifier (RFC 6376), not with nodemailer's code, so a
 * header left out of the signature or a broken body hash fails the test.
 */
describe('MailTransport with DKIM configured', () => {
  let sink: SmtpSink;
  let transport: MailTransport;
  /** True when the message carries one DKIM signature and it verifies against our key. */
  let verifyDkim: (raw: string) => Promise<boolean>;
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
    // mailauth looks the key up in DNS; answer for the one selector we sign with.
    const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    verifyDkim = async (raw) => {
      const { results } = await dkimVerify(raw, {
        resolver: async (name, rrtype) => {
          if (rrtype === 'TXT' && name === 'mail2026._domainkey.roundtable.example.org') return [[record]];
          throw Object.assign(new Error(`no ${rrtype} record for ${name}`), { code: 'ENOTFOUND' });
        },
      });
      return results.length === 1 && results[0]!.status.result === 'pass';
    };
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
    expect(await verifyDkim(raw)).toBe(true);
    // The verifier itself can say no: a changed unsubscribe header or body breaks the signature.
    expect(await verifyDkim(raw.replace('List-Unsubscribe=One-Click', 'List-Unsubscribe=Two-Click'))).toBe(
      false,
    );
    expect(await verifyDkim(raw.replace('Line two', 'Line 2'))).toBe(false);
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

describe('MailTransport with a DKIM key that cannot be read', () => {
  it('refuses to start, without putting the key in the message', () => {
    const key = '-----BEGIN PRIVATE KEY-----\\nbm90IGEga2V5\\n-----END PRIVATE KEY-----';
    const env = validateEnv({
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LINK_KEYS: `unused:${'00'.repeat(32)}`,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      DKIM_DOMAIN: 'roundtable.example.org',
      DKIM_SELECTOR: 'mail2026',
      DKIM_PRIVATE_KEY: key,
    });
    const start = () =>
      new MailTransport(new AppConfig(new ConfigService(env) as ConfigService<never, true>));
    expect(start).toThrow(InvalidEnvironmentError);
    expect(start).toThrow(/DKIM_PRIVATE_KEY/);
    expect(start).not.toThrow(/bm90IGEga2V5/);
  });
});
