import { EventNotFound, type EventEntity } from '@roundtable/events';
import { EventNotOpen } from '../errors';

/**
 * The event, if people can be invited to it now: published and not yet started. Otherwise the
 * refusal says why, in the words of inviting. Shared by the send and its preview, so the preview
 * refuses exactly what the send would.
 */
export function invitableOrFail(event: EventEntity | null, eventId: string, now: Date): EventEntity {
  if (!event) throw new EventNotFound(eventId);
  if (event.status === 'draft') throw EventNotOpen.draft('publish it before inviting people');
  if (event.status === 'cancelled') throw EventNotOpen.cancelled(', so no one can be invited to it');
  if (event.startsAt <= now) throw EventNotOpen.started(', so it is too late to invite people');
  return event;
}
