import { DateTime } from 'luxon';

/**
 * Days the demo campaign holds no event on: the Christmas and New Year break, when the office is
 * closed and no family would come (24 December to 1 January, London dates).
 */
function inTheBreak(day: DateTime): boolean {
  return (day.month === 12 && day.day >= 24) || (day.month === 1 && day.day === 1);
}

function isWeekend(day: DateTime): boolean {
  return day.weekday >= 6;
}

/**
 * The London dates of the demo events, each `daysFromNow` after today, moved on to the next
 * weekday outside the Christmas break, and never two on one day: so the demo reads like a real
 * campaign whatever day `npm start` first runs.
 */
export function demoEventDates(today: DateTime, daysFromNow: readonly number[]): string[] {
  const taken = new Set<string>();
  return daysFromNow.map((days) => {
    let day = today.plus({ days }).startOf('day');
    while (inTheBreak(day) || isWeekend(day) || taken.has(day.toISODate()!)) day = day.plus({ days: 1 });
    const date = day.toISODate()!;
    taken.add(date);
    return date;
  });
}
