import type { EventEntity } from '@roundtable/events';
import { eventSnapshot, invitationMessage, inviteUid, type Office } from '@roundtable/notifications';
import type { Contact } from './invitation-contacts';

/** The email one person on a previewed list would get, built as the worker builds it. */
export interface InvitationSample {
  /** The address it is shown for: the first new person on the list (else the first person). */
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface InvitationSampleContext {
  /** The office the OFFICE_* settings describe, as the worker signs every email with it. */
  office: Office;
  /** PUBLIC_URL, which every link starts with. */
  publicUrl: string;
  /** The event's co-hosts by name, as the email lists them. */
  cohosts: readonly string[];
  /** The co-hosting partner whose user invites, by name; null when the office does. */
  invitedBy: string | null;
  now: Date;
}

/** Stands in for each person's private link, which is derived only when their email is sent. */
export const SAMPLE_LINK_TOKEN = 'your-private-link';

/**
 * The invitation `recipient` would get, from the real message builder. Only the private links
 * differ: each person's is made when their email is sent, so the sample's say so instead.
 */
export function invitationSample(
  event: EventEntity,
  recipient: Contact,
  context: InvitationSampleContext,
): InvitationSample {
  const base = context.publicUrl.replace(/\/+$/, '');
  const manageUrl = `${base}/manage/${SAMPLE_LINK_TOKEN}`;
  const message = invitationMessage({
    event: eventSnapshot(event),
    recipient: { name: recipient.name, email: recipient.email },
    office: context.office,
    cohosts: context.cohosts,
    eventUrl: `${base}/events/${event.id}`,
    manageUrl,
    uid: inviteUid(event.id, 'preview'),
    sequence: event.sequence,
    stamp: context.now,
    acceptUrl: `${manageUrl}/accept`,
    declineUrl: `${manageUrl}/decline`,
    unsubscribeUrl: `${manageUrl}/unsubscribe`,
    invitedBy: context.invitedBy,
  });
  return { to: recipient.email, subject: message.subject, text: message.text, html: message.html };
}
