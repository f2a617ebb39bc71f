import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { mailTransportOptions } from '../../libs/notifications/src/mail/mail-transport-options';
import type { BenchSmtpSink } from '../support/smtp-sink';
import type { Contact } from './contacts';

const ORGANIZER = { name: 'Halesowen Constituency Office', email: 'office@roundtable.test' };

function invite(contact: Contact, startsAt: Date): string {
  const calendar = ical({
    prodId: { company: 'Roundtable', product: 'Roundtable bench', language: 'EN' },
    method: ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${randomUUID()}@roundtable.test`,
    sequence: 0,
    start: startsAt,
    end: new Date(startsAt.getTime() + 2 * 3_600_000),
    summary: 'Waiting for an EHC plan: a listening event',
    description: 'Tell us what the wait has been like for your family.',
    location: 'Bench Hall, Queensway, Halesowen, B63 4AZ',
    organizer: ORGANIZER,
    attendees: [
      {
        name: contact.name,
        email: contact.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      },
    ],
  });
  return calendar.toString();
}

function message(contact: Contact, startsAt: Date, padding: string, n: number): Mail.Options {
  return {
    from: { name: ORGANIZER.name, address: ORGANIZER.email },
    to: { name: contact.name, address: contact.email },
    headers: { 'X-Bench-Id': `invitation-${n}` },
    subject: 'You are invited: Waiting for an EHC plan, a listening event',
    text: `Dear ${contact.name},\n\nYou are invited to a listening event. Tell us what the wait has been like for your family.\n${padding}`,
    html: `<p>Dear ${contact.name},</p><p>You are invited to a listening event. Tell us what the wait has been like for your family.</p><p>${padding}</p>`,
    icalEvent: { method: 'REQUEST', content: invite(contact, startsAt), filename: 'invite.ics' },
  };
}

/** Filler for the text and HTML bodies so that a message comes to about `bytes` in all. */
async function paddingFor(contact: Contact, startsAt: Date, bytes: number): Promise<string> {
  const bare = await new MailComposer(message(contact, startsAt, '', 0)).compile().build();
  const words = Math.max(0, Math.floor((bytes - bare.length) / 2 / 6));
  return Array.from({ length: words }, () => 'words')
    .join(' ')
    .replace(/(.{70}) /g, '$1\n');
}

/**
 * Plain nodemailer: the same invitations (text, HTML and a text/calendar REQUEST part built with
 * ical-generator), one per contact, padded to `bytes` (the app's average size), through a pooled
 * transport with the app's options, to the same sink. Runs in this process (which also hosts the
 * sink). Returns the seconds from the first message built to the last accepted.
 */
export async function sendPlainInvitations(
  sink: BenchSmtpSink,
  people: Contact[],
  bytes: number,
): Promise<number> {
  const transport = nodemailer.createTransport(mailTransportOptions(sink.url));
  const startsAt = new Date(Date.now() + 40 * 86_400_000);
  const padding = await paddingFor(people[0], startsAt, bytes);
  const started = Date.now();
  let next = 0;
  // Enough messages in flight to keep every pooled connection busy, without building all 10,000 at once.
  const sender = async () => {
    while (next < people.length) {
      const n = next++;
      await transport.sendMail(message(people[n], startsAt, padding, n + 1));
    }
  };
  await Promise.all(Array.from({ length: 50 }, sender));
  await sink.waitFor(people.length, 60_000);
  transport.close();
  return (Math.max(...sink.arrivals.map((arrival) => arrival.at)) - started) / 1000;
}
