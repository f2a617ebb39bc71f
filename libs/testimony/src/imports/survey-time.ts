import { londonLocalToUtc } from '@roundtable/platform';

/**
 * When a response was sent, from its cell: a date cell (read as "2026-03-14T09:30:00", the time
 * it shows), ISO 8601 with a zone, or the UK's "14/03/2026 09:30" as a CSV saved from Excel has
 * it. Times without a zone are London's, as Forms shows them to the office. Null when unreadable.
 */
export function surveyTime(cell: string): Date | null {
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(cell);
  if (zoned) {
    const date = new Date(cell);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/.exec(cell);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(cell);
  let date: string;
  let time: string;
  if (iso) [, date, time] = iso;
  else if (uk) {
    const [, day, month, year, hour, minute, second] = uk;
    date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    time = `${hour.padStart(2, '0')}:${minute}:${second ?? '00'}`;
  } else return null;
  const reading = londonLocalToUtc(date, time);
  return reading.ok ? reading.utc : null;
}
