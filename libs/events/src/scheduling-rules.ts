import { ruleBroken, type RuleBroken } from '@roundtable/platform';
import { DateTime, Duration } from 'luxon';

/**
 * The rules of scheduling as pure functions, so they can be tested without a database and the
 * service and the repository apply the same ones.
 */

export interface TimeRange {
  startsAt: Date;
  endsAt: Date;
}

/** Half-open ranges: an event ending at 12:00 and one starting at 12:00 do not clash. */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export const MAX_EVENT_DURATION_HOURS = 24 * 7;
/** How far ahead an event can be planned: further is a typing mistake (2062 for 2026). */
export const MAX_YEARS_AHEAD = 5;

/** Problems with an event's times, each naming its rule and field; empty when it is fine. */
export function scheduleProblems(range: TimeRange, now: Date): RuleBroken[] {
  const problems: RuleBroken[] = [];
  if (range.endsAt <= range.startsAt)
    problems.push(ruleBroken('ends-after-start', 'endsAt must be after startsAt', 'endsAt'));
  else if (range.endsAt.getTime() - range.startsAt.getTime() > MAX_EVENT_DURATION_HOURS * 3_600_000) {
    const days = MAX_EVENT_DURATION_HOURS / 24;
    problems.push(
      ruleBroken('max-duration', `an event can last at most ${days} days: check endsAt`, 'endsAt', { days }),
    );
  }
  if (range.startsAt <= now)
    problems.push(ruleBroken('starts-in-future', 'startsAt must be in the future', 'startsAt'));
  else if (range.startsAt > DateTime.fromJSDate(now).plus({ years: MAX_YEARS_AHEAD }).toJSDate()) {
    problems.push(
      ruleBroken(
        'max-years-ahead',
        `startsAt must be at most ${MAX_YEARS_AHEAD} years from now`,
        'startsAt',
        {
          years: MAX_YEARS_AHEAD,
        },
      ),
    );
  }
  return problems;
}

export type CapacityDecision =
  { ok: true; capacity: number | null } | { ok: false; message: string; problem: RuleBroken };

/**
 * An event's capacity defaults to its venue's and may not exceed it. An online-only event has
 * no room to fill, so its capacity is whatever staff set, or unlimited (null).
 */
export function resolveCapacity(
  requested: number | null | undefined,
  venueCapacity: number | null,
): CapacityDecision {
  if (venueCapacity === null) return { ok: true, capacity: requested ?? null };
  if (requested === undefined || requested === null) return { ok: true, capacity: venueCapacity };
  if (requested > venueCapacity) {
    const message = `capacity ${requested} is more than the venue holds (${venueCapacity})`;
    const problem = ruleBroken('capacity-within-venue', message, 'capacity', { requested, venueCapacity });
    return { ok: false, message, problem };
  }
  return { ok: true, capacity: requested };
}

export const DEFAULT_REMINDER_OFFSETS = ['P7D', 'P1D', 'PT2H'] as const;
const MAX_REMINDER_OFFSET_DAYS = 90;

/** Checks ISO 8601 durations such as P7D or PT2H; returns a message per bad one. */
export function reminderOffsetProblems(offsets: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const offset of offsets) {
    const duration = Duration.fromISO(offset);
    const ms = duration.isValid ? duration.as('milliseconds') : NaN;
    if (!duration.isValid || !(ms > 0)) {
      problems.push(
        `reminderOffsets: "${offset}" must be a positive ISO 8601 duration such as P7D, P1D or PT2H`,
      );
    } else if (duration.as('days') > MAX_REMINDER_OFFSET_DAYS) {
      problems.push(
        `reminderOffsets: "${offset}" is more than ${MAX_REMINDER_OFFSET_DAYS} days before the start`,
      );
    } else if (seen.has(ms)) {
      problems.push(`reminderOffsets: "${offset}" is listed twice`);
    } else {
      seen.add(ms);
    }
  }
  return problems;
}
