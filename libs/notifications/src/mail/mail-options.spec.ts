import { generateKeyPairSync } from 'node:crypto';
import nodemailer from 'nodemailer';
import { eventCancelledMessage } from '../messages/event-cancelled.message';
import { invitationMessage } from '../messages/invitation.message';
import { registrationConfirmationMessage } from '../messages/registration-confirmation.message';
import { waitlistedMessage } from '../messages/waitlisted.message';
import {
  OFFICE,
  RECIPIENT,
  UID,
  URLS,
  alternativeParts,
  composeAndParse,
  inviteInput,
  messageInput,
  parseCalendar,
} from '../test-support/notification-fixtures';
import { DKIM_HEADER_FIELD_NAMES, DKIM_SIGNED_HEADERS } from './dkim-header-fields';
import { toMailOptions } from './mail-options';

const envelope = {
  from: { name: OFFICE.name, address: 'roundtable@roundtable.example' },
  to: { name: RECIPIENT.name, address: RECIPIENT.email },
};

const invitation = () =>
  invitationMessage({
    ...messageInput(),
    ...inviteInput(0),
    acceptUrl: URLS.accept,
    declineUrl: URLS.decline,
    unsubscribeUrl: URLS.unsubscribe,
  });
const confirmation = () => registrationConfirmationMessage({ ...messageInput(), ...inviteInput(1) });
const cancellation = () =>
  eventCancelledMessage({ ...messageInput(), ...inviteInput(2), reason: 'The library has flooded.' });

describe('toMailOptions, composed by nodemailer and read back by mailparser', () => {
  it.each([
    ['an invitation', invitation, 'REQUEST'],
    ['a confirmation', confirmation, 'REQUEST'],
    ['a cancellation', cancellation, 'CANCEL'],
  ] as const)(
    'sends %s with a text/calendar alternative whose method= is the body METHOD',
    async (_, build, method) => {
      const message = build();
      const { raw, parsed } = await composeAndParse(toMailOptions(message, envelope));

      const calendarParts = alternativeParts(raw).filter((part) =>
        part.headers['content-type'].startsWith('text/calendar'),
      );
      expect(calendarParts).toHaveLength(1);
      const contentType = calendarParts[0].headers['content-type'];
      expect(contentType).toMatch(new RegExp(`^text/calendar; charset=utf-8; method=${method}$`));

      const fromParser = parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
      expect(fromParser).toBeDefined();
      const body = fromParser!.content.toString('utf8');
      const { method: bodyMethod, item } = parseCalendar(body);
      expect(bodyMethod).toBe(method);
      expect(contentType.endsWith(`method=${bodyMethod}`)).toBe(true);
      expect(item.uid).toBe(UID);
      expect(body).toBe(message.calendar!.content);

      expect(parsed.subject).toBe(message.subject);
      expect(parsed.text).toBe(message.text);
      expect(parsed.html).toBe(message.html);
      expect(parsed.to).toMatchObject({ value: [{ address: RECIPIENT.email, name: RECIPIENT.name }] });
    },
  );

  it('adds the one-click unsubscribe headers (RFC 8058) to invitations', async () => {
    const { raw, parsed } = await composeAndParse(toMailOptions(invitation(), envelope));
    // The message's own headers, unfolded (nodemailer folds long ones onto a second line).
    const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
    expect(head).toMatch(
      new RegExp(`^List-Unsubscribe: <${URLS.unsubscribe.replace(/[.?]/g, '\\$&')}>\\r?$`, 'm'),
    );
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(parsed.headers.get('list')).toMatchObject({
      unsubscribe: { url: URLS.unsubscribe },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
  });

  it('adds no unsubscribe headers to service messages about a place someone booked', async () => {
    const { raw } = await composeAndParse(toMailOptions(confirmation(), envelope));
    expect(raw).not.toMatch(/^List-Unsubscribe/im);
  });

  it('sends a message without an invite with no calendar part at all', async () => {
    const options = toMailOptions(waitlistedMessage({ ...messageInput(), position: 2 }), envelope);
    expect(options.icalEvent).toBeUndefined();
    const { raw, parsed } = await composeAndParse(options);
    expect(raw).not.toMatch(/text\/calendar|application\/ics/i);
    expect(parsed.attachments).toEqual([]);
  });

  it('takes an explicit unsubscribe link, and refuses one that is not http(s)', () => {
    const options = toMailOptions(confirmation(), {
      ...envelope,
      listUnsubscribe: 'https://roundtable.example/u/other',
    });
    expect(options.headers).toEqual({
      'List-Unsubscribe': '<https://roundtable.example/u/other>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(() =>
      toMailOptions(confirmation(), { ...envelope, listUnsubscribe: 'mailto:x@example.org' }),
    ).toThrow(/https/);
  });
});

describe('DKIM_HEADER_FIELD_NAMES', () => {
  it('covers both one-click unsubscribe headers', () => {
    expect(DKIM_SIGNED_HEADERS).toEqual(
      expect.arrayContaining(['From', 'Subject', 'List-Unsubscribe', 'List-Unsubscribe-Post']),
    );
  });

  it('makes nodemailer sign List-Unsubscribe-Post when given as dkim.headerFieldNames', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const transport = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      dkim: {
        domainName: 'roundtable.example',
        keySelector: 'mail',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        headerFieldNames: DKIM_HEADER_FIELD_NAMES,
      },
    });
    const info = await transport.sendMail(toMailOptions(invitation(), envelope));
    const raw = (info.message as Buffer).toString('utf8');
    const signature = /^DKIM-Signature:(.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1].replace(/\s+/g, '') ?? '';
    const signed = /(?:^|;)h=([^;]+)/.exec(signature)?.[1].toLowerCase().split(':') ?? [];
    expect(signed).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'subject']),
    );
  });
});
