import { toLondon } from '@roundtable/platform';

/**
 * Attendance can be recorded from the start of the event's day in UK time: staff at the door
 * check people in as they arrive, and may set up the list in the morning of an evening event,
 * but a check-in days before would be a mistake. There is no end: staff often record it after.
 */
export function attendanceOpensAt(startsAt: Date): Date {
  return toLondon(startsAt).startOf('day').toJSDate();
}
