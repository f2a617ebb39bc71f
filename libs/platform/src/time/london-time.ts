import { DateTime } from 'luxon';

/** Every time is stored in UTC and shown to people in UK time, whichever of GMT or BST applies. */
export const LONDON = 'Europe/London';

export function toLondon(date: Date): DateTime {
  return DateTime.fromJSDate(date, { zone: LONDON });
}

/** ISO 8601 with the UK offset of that moment, e.g. 2026-07-01T10:00:00+01:00. */
export function londonIso(date: Date): string {
  return toLondon(date).toISO({ suppressMilliseconds: true })!;
}

/** GOV.UK style: "10am", "5:30pm", "midday", "midnight". */
export function formatLondonTime(date: Date): string {
  const time = toLondon(date);
  if (time.minute === 0 && time.hour === 12) return 'midday';
  if (time.minute === 0 && time.hour === 0) return 'midnight';
  const hour12 = time.hour % 12 === 0 ? 12 : time.hour % 12;
  const minutes = time.minute === 0 ? '' : `:${String(time.minute).padStart(2, '0')}`;
  return `${hour12}${minutes}${time.hour < 12 ? 'am' : 'pm'}`;
}

/**
 * Wordings already made, by the instants they word. Luxon works out the UK offset afresh through
 * Intl for every DateTime it makes, and the worker words the same few event times for every
 * message it sends: measured, ranges were 7% of its CPU per message, and the date in an
 * invitation's subject another 1-2% after that. The text depends on nothing but the instants, so
 * a cached one is the same text. Bounded: past the limit, start again rather than keep every
 * event ever shown.
 */
class WordingCache {
  private readonly texts = new Map<string, string>();

  /** The text for these instants, made by `word` the first time. */
  text(dates: readonly Date[], word: () => string): string {
    const key = dates.map((date) => date.getTime()).join(' ');
    let text = this.texts.get(key);
    if (text === undefined) {
      text = word();
      if (this.texts.size >= WORDING_CACHE_SIZE) this.texts.clear();
      this.texts.set(key, text);
    }
    return text;
  }
}
const WORDING_CACHE_SIZE = 1_000;
const dateWordings = new WordingCache();
const rangeWordings = new WordingCache();

/** GOV.UK style: "Saturday 28 March 2026". */
export function formatLondonDate(date: Date): string {
  return dateWordings.text([date], () => toLondon(date).setLocale('en-GB').toFormat('cccc d LLLL yyyy'));
}

/** "Saturday 28 March 2026, 10am to midday", or across days when it spans them. */
export function formatLondonRange(startsAt: Date, endsAt: Date): string {
  return rangeWordings.text([startsAt, endsAt], () => wordLondonRange(startsAt, endsAt));
}

function wordLondonRange(startsAt: Date, endsAt: Date): string {
  const sameDay = toLondon(startsAt).hasSame(toLondon(endsAt), 'day');
  const end = sameDay ? formatLondonTime(endsAt) : `${formatLondonDate(endsAt)}, ${formatLondonTime(endsAt)}`;
  return `${formatLondonDate(startsAt)}, ${formatLondonTime(startsAt)} to ${end}`;
}

export type LocalTimeResult =
  { ok: true; utc: Date } | { ok: false; reason: 'invalid' | 'skipped'; message: string };

/**
 * Reads a date and a wall-clock time as people in the UK mean them. On the night the clocks go
 * forward, times from 1am to 2am do not exist and are refused; on the night they go back, 1am to
 * 2am happens twice and we take the first (BST) one, the earlier of the two, which is what a
 * reader of "1:30am" most likely expects and never puts an event later than they were told.
 *
 * Works from the UK offsets either side of the moment rather than from Luxon's own resolution,
 * which takes the later (GMT) reading of a repeated time and depends on the server's time zone
 * for a skipped one.
 */
export function londonLocalToUtc(date: string, time: string): LocalTimeResult {
  // The wall-clock reading as if it were UTC: a fixed zone, so every reading exists exactly once.
  const wallClock = DateTime.fromISO(`${date}T${time}`, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time) || !wallClock.isValid) {
    return { ok: false, reason: 'invalid', message: 'must be a real date and time' };
  }
  const wallMillis = wallClock.toMillis();
  const offsetAt = (millis: number) => DateTime.fromMillis(millis, { zone: LONDON }).offset;
  // The UK offsets in force a day either side: one normally, GMT and BST around a change. The
  // moment `wall clock - offset` reads as that wall clock only if that offset is in force then.
  const offsets = new Set([offsetAt(wallMillis - 86_400_000), offsetAt(wallMillis + 86_400_000)]);
  const readings = [...offsets]
    .map((offsetMinutes) => wallMillis - offsetMinutes * 60_000)
    .filter((millis) => offsetAt(millis) === (wallMillis - millis) / 60_000)
    .sort((a, b) => a - b);
  if (readings.length === 0) {
    return {
      ok: false,
      reason: 'skipped',
      message: 'does not exist in the UK: the clocks go forward an hour that night',
    };
  }
  return { ok: true, utc: new Date(readings[0]) };
}
