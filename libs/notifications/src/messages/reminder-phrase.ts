import { Duration } from 'luxon';

const MINUTES_PER_DAY = 24 * 60;

const AND_LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/**
 * A reminder offset in words, in days, hours and minutes: "7 days", "1 day and 12 hours",
 * "1 day, 2 hours and 30 minutes". Undefined when it is not an ISO 8601 duration of a minute or more.
 * The one place offsets become words, so an email and the staff page say the same thing.
 */
export function offsetInWords(offset: string): string | undefined {
  // Every reminder of an event says the same few offsets, and luxon's parse and arithmetic cost
  // about 27 µs a reminder in the worker's profile: each offset is worded once. A few offsets are
  // in use at a time; the bound only keeps a flood of odd ones from growing the map.
  if (WORDED.has(offset)) return WORDED.get(offset);
  if (WORDED.size >= WORDED_MAX) WORDED.clear();
  const words = wordOffset(offset);
  WORDED.set(offset, words);
  return words;
}

const WORDED = new Map<string, string | undefined>();
const WORDED_MAX = 256;

function wordOffset(offset: string): string | undefined {
  const duration = Duration.fromISO(offset);
  if (!duration.isValid || !(duration.as('minutes') >= 1)) return undefined;
  // Round to whole minutes first and then split, so 1 hour 59 minutes 31 seconds carries into
  // "2 hours" rather than reading "1 hour and 60 minutes".
  const total = Math.round(duration.as('minutes'));
  const parts: [number, string][] = [
    [Math.floor(total / MINUTES_PER_DAY), 'day'],
    [Math.floor((total % MINUTES_PER_DAY) / 60), 'hour'],
    [total % 60, 'minute'],
  ];
  return AND_LIST.format(
    parts.filter(([count]) => count > 0).map(([count, unit]) => `${count} ${unit}${count === 1 ? '' : 's'}`),
  );
}

/**
 * How far off the event is, from the reminder's offset before the start: "tomorrow" for P1D,
 * "in 7 days", "in 2 hours", "in 1 day and 12 hours". Written from the offset rather than the
 * clock, so a reminder that is sent a little late still says what was planned.
 */
export function reminderPhrase(offset: string): string {
  const words = offsetInWords(offset);
  if (words === undefined) {
    throw new Error(`reminderPhrase: "${offset}" is not a positive ISO 8601 duration such as P7D or PT2H`);
  }
  return words === '1 day' ? 'tomorrow' : `in ${words}`;
}
