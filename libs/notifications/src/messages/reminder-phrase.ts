import { Duration } from 'luxon';

/**
 * How far off the event is, from the reminder's offset before the start: "tomorrow" for P1D,
 * "in 7 days", "in 2 hours", "in 1 day and 12 hours". Written from the offset rather than the
 * clock, so a reminder that is sent a little late still says what was planned.
 */
export function reminderPhrase(offset: string): string {
  const duration = Duration.fromISO(offset);
  if (!duration.isValid || !(duration.as('minutes') >= 1)) {
    throw new Error(`reminderPhrase: "${offset}" is not a positive ISO 8601 duration such as P7D or PT2H`);
  }
  const { days, hours, minutes } = duration.shiftTo('days', 'hours', 'minutes').normalize().toObject();
  const parts: [number, string][] = [
    [days ?? 0, 'day'],
    [hours ?? 0, 'hour'],
    [Math.round(minutes ?? 0), 'minute'],
  ];
  const said = parts
    .filter(([count]) => count > 0)
    .map(([count, unit]) => `${count} ${unit}${count === 1 ? '' : 's'}`);
  if (said.length === 1 && said[0] === '1 day') return 'tomorrow';
  return `in ${said.length > 1 ? `${said.slice(0, -1).join(', ')} and ${said[said.length - 1]}` : said[0]}`;
}
