import { buildInviteCalendar, type InviteMethod, type InvitePartstat } from '../calendar/invite-calendar';
import type { InviteInput, JoinInput, Message, MessageInput } from './message';

/** The calendar part of a message, built from the message's own input. */
export function invitePart(
  input: Omit<MessageInput, 'manageUrl'> & Partial<Pick<MessageInput, 'manageUrl'>> & InviteInput & JoinInput,
  method: InviteMethod,
  partstat: InvitePartstat,
  cancelReason?: string,
): NonNullable<Message['calendar']> {
  const content = buildInviteCalendar({
    event: input.event,
    attendee: input.recipient,
    organizer: { name: input.office.name, email: input.office.email },
    uid: input.uid,
    sequence: input.sequence,
    method,
    stamp: input.stamp,
    eventUrl: input.eventUrl,
    manageUrl: input.manageUrl,
    joinUrl: input.joinUrl,
    partstat,
    cancelReason,
    cohosts: input.cohosts,
  });
  return { method, content };
}
