import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { Readable } from 'node:stream';
import { buildInviteCalendar } from '../calendar/invite-calendar';
import { invitationMessage } from '../messages/invitation.message';
import {
  event,
  inviteInput,
  messageInput,
  OFFICE,
  parseCalendar,
  RECIPIENT,
  URLS,
} from '../test-support/notification-fixtures';
import { composeMessage, writeInOnePass } from './composed-message';
import { toMailOptions } from './mail-options';

/**
 * The one-pass writer must give the bytes nodemailer's own build() gives for the same compiled
 * tree: both are run on one tree (same boundaries, date and Message-ID) and compared byte for byte.
 */
async function bothWays(options: Mail.Options): Promise<{ onePass: Buffer | null; built: Buffer }> {
  const root = new MailComposer(options).compile();
  const onePass = writeInOnePass(root);
  return { onePass, built: await root.build() };
}

function invitation(overrides: Parameters<typeof messageInput>[0] = {}): Mail.Options {
  const message = invitationMessage({
    ...messageInput(overrides),
    ...inviteInput(2),
    acceptUrl: URLS.accept,
    declineUrl: URLS.decline,
    unsubscribeUrl: URLS.unsubscribe,
  });
  return {
    ...toMailOptions(message, {
      from: { name: OFFICE.name, address: OFFICE.email },
      to: { name: overrides.recipient?.name ?? RECIPIENT.name, address: RECIPIENT.email },
    }),
    messageId: '<row-1@roundtable.test>',
  };
}

describe('composeMessage', () => {
  it('writes an invitation (text, HTML, calendar alternative and attachment) as build() does', async () => {
    const { onePass, built } = await bothWays(invitation());
    expect(onePass).not.toBeNull();
    expect(onePass!.equals(built)).toBe(true);
    // The quoted-printable and base64 parts are really there, so the comparison covers both.
    expect(built.toString()).toMatch(/Content-Transfer-Encoding: quoted-printable/);
    expect(built.toString()).toMatch(/Content-Transfer-Encoding: base64/);
  });

  it('writes non-ASCII names, titles and bodies (encoded words, UTF-8 in quoted-printable) as build() does', async () => {
    const options = invitation({
      recipient: { name: 'Zoë Ó Súilleabháin', email: RECIPIENT.email },
      event: event({
        title: 'Café chat: “waiting” for an EHC plan – 日本語 😀',
        description: 'Ünïcödé ' + 'é'.repeat(300),
      }),
    });
    const { onePass, built } = await bothWays(options);
    expect(onePass!.equals(built)).toBe(true);
    const parsed = await simpleParser(onePass!);
    expect(parsed.subject).toContain('Café chat: “waiting” for an EHC plan – 日本語 😀');
    expect(parsed.text).toContain('Zoë Ó Súilleabháin');
  });

  it.each([
    ['trailing spaces and tabs', 'Line one   with  spaces \nLine two \t \n\n\n  \t'],
    ['only whitespace', ' \t '],
    ['a line longer than 76 and dots', `.${'x'.repeat(200)}\n.\n..`],
    ['mostly non-ASCII (base64 chosen)', '日本語のテキスト'.repeat(40)],
    ['short plain ASCII (7bit)', 'Hello'],
    ['CRLF and bare CR', 'one\r\ntwo\rthree\n'],
  ])('writes a text body with %s as build() does', async (_label, text) => {
    const options: Mail.Options = {
      from: 'office@roundtable.test',
      to: 'someone@example.org',
      subject: 'A subject',
      text,
      html: `<p>${text}</p>`,
      attachments: [{ filename: 'notes.txt', content: text }],
    };
    const { onePass, built } = await bothWays(options);
    expect(onePass).not.toBeNull();
    expect(onePass!.toString('latin1')).toBe(built.toString('latin1'));
  });

  it('writes a message with no body as build() does', async () => {
    const { onePass, built } = await bothWays({
      from: 'office@roundtable.test',
      to: 'a@example.org',
      subject: 'x',
    });
    expect(onePass!.equals(built)).toBe(true);
  });

  it('leaves streamed, Buffer and pre-built raw content to build()', async () => {
    const base = { from: 'office@roundtable.test', to: 'a@example.org', subject: 'x', text: 'Hello' };
    const streamed = await bothWays({
      ...base,
      attachments: [{ filename: 'a.txt', content: Readable.from(['a']) }],
    });
    expect(streamed.onePass).toBeNull();
    const buffer = await bothWays({
      ...base,
      attachments: [{ filename: 'a.bin', content: Buffer.from([0, 1, 2]) }],
    });
    expect(buffer.onePass).toBeNull();
    const raw = await bothWays({ ...base, alternatives: [{ raw: 'Content-Type: text/x-a\r\n\r\nA' }] });
    expect(raw.onePass).toBeNull();
    // composeMessage still composes them, through build().
    const composed = await composeMessage({
      ...base,
      attachments: [{ filename: 'a.bin', content: Buffer.from([0, 1, 2]) }],
    });
    expect((await simpleParser(composed.raw)).attachments[0]!.content).toEqual(Buffer.from([0, 1, 2]));
  });

  it('gives the envelope and Message-ID the pool sends with, and an invite ical.js reads', async () => {
    const composed = await composeMessage(invitation());
    expect(composed.envelope).toEqual({ from: OFFICE.email, to: [RECIPIENT.email] });
    expect(composed.messageId).toBe('<row-1@roundtable.test>');
    const parsed = await simpleParser(composed.raw);
    const ics = parsed.attachments.find((part) => part.contentType === 'text/calendar')!.content.toString();
    expect(ics).toBe(
      buildInviteCalendar({
        event: event(),
        attendee: RECIPIENT,
        organizer: { name: OFFICE.name, email: OFFICE.email },
        ...inviteInput(2),
        method: 'REQUEST',
        eventUrl: URLS.event,
        manageUrl: URLS.manage,
        partstat: 'NEEDS-ACTION',
        cohosts: messageInput().cohosts,
      }),
    );
    expect(parseCalendar(ics).method).toBe('REQUEST');
    // Every line of the message, headers and parts, stays within RFC 5322's 998 octets.
    for (const line of composed.raw.toString('utf8').split('\r\n'))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
  });
});
