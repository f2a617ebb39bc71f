import { DateTime } from 'luxon';
import { demoEventDates } from './demo-dates';

const OFFSETS = [10, 17, 24, 31, 45];

describe('demoEventDates', () => {
  it('moves events off Christmas Eve and New Year’s Eve (first run on 30 November 2026)', () => {
    const today = DateTime.fromISO('2026-11-30', { zone: 'Europe/London' });
    expect(demoEventDates(today, OFFSETS)).toEqual([
      '2026-12-10',
      '2026-12-17',
      '2027-01-04',
      '2027-01-05',
      '2027-01-14',
    ]);
  });

  it('never lands in the break, on a weekend or twice on one day, whatever day it first runs', () => {
    let today = DateTime.fromISO('2026-01-01', { zone: 'Europe/London' });
    for (let i = 0; i < 800; i += 1, today = today.plus({ days: 1 })) {
      const dates = demoEventDates(today, OFFSETS).map((date) => DateTime.fromISO(date));
      for (const date of dates) {
        expect(date.weekday).toBeLessThan(6);
        expect((date.month === 12 && date.day >= 24) || (date.month === 1 && date.day === 1)).toBe(false);
      }
      expect(new Set(dates.map((date) => date.toISODate())).size).toBe(dates.length);
    }
  });
});
