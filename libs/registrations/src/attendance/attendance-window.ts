import type { EventEntity } from '@roundtable/events';
import { formatLondonDate, toLondon } from '@roundtable/platform';
import { AttendanceNotOpenYet, EventNotOpen } from '../errors';

/**
 * Attendance can be recorded from the start of the event's day in UK time: staff at the door
 * check people in as they arrive, and may set up the list in the morning of an evening event,
 * but a check-in days before would be a mistake. There is no end: staff often record it after.
 */
export function attendanceOpensAt(startsAt: Date): Date {
  return toLondon(startsAt).startOf('day').toJSDate();
}

/**
 * Whether attendance can be recorded at the event now: drafts and cancelled events have none,
 * and a check-in before the day is refused (unless `window` is false: undoing one is not).
 */
export function assertCheckInOpen(
  event: Pick<EventEntity, 'status' | 'startsAt'>,
  now: Date,
  options: { window: boolean } = { window: true },
): void {
  if (event.status === 'draft') throw EventNotOpen.draft('publish it first');
  if (event.status === 'cancelled') throw EventNotOpen.cancelled();
  if (options.window && now < attendanceOpensAt(event.startsAt)) {
    throw new AttendanceNotOpenYet(formatLondonDate(event.startsAt));
  }
}
