import type { InviteMethod } from '../calendar/invite-calendar';
import type { EventSnapshot, Person } from '../event-snapshot';

/** A built email, ready for `toMailOptions`. */
export interface Message {
  subject: string;
  html: string;
  text: string;
  /** The iCalendar invite; its method is the body's METHOD and must become the MIME part's. */
  calendar?: { method: InviteMethod; content: string };
  /** The one-click unsubscribe link (RFC 8058), set on invitations, which are marketing. */
  listUnsubscribe?: string;
}

/**
 * The constituency office (the OFFICE_* settings): the sender's name, the organiser in invites,
 * who people contact with questions, and every message's footer.
 */
export interface Office extends Person {
  /** Shown as a number to call, e.g. "0121 496 0000". */
  phone: string;
  /** One line, parts separated by commas. */
  address: string;
  /** When the phone is answered, e.g. "Monday to Friday, 9am to 5pm". */
  hours?: string;
}

/** What every message needs. */
export interface MessageInput {
  event: EventSnapshot;
  recipient: Person;
  office: Office;
  /** Names of the partner organisations co-hosting the event; empty when there are none. */
  cohosts: readonly string[];
  /** The public event page. */
  eventUrl: string;
  /** The recipient's private link to answer, change or cancel. */
  manageUrl: string;
}

/** What a message with a calendar invite needs as well. */
export interface InviteInput {
  /** From `inviteUid`, the same in every message to this recipient about this event. */
  uid: string;
  /** The event's current SEQUENCE; raised by the caller before an update or a cancel. */
  sequence: number;
  /** When the message is built; DTSTAMP. */
  stamp: Date;
}

/** Registered people (not invitees, not the waiting list) get the online joining link. */
export interface JoinInput {
  joinUrl?: string;
}
