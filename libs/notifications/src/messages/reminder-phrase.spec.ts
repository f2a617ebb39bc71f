import fc from 'fast-check';
import { Duration } from 'luxon';
import { offsetInWords, reminderPhrase } from './reminder-phrase';

describe('reminderPhrase', () => {
  it.each([
    ['P7D', 'in 7 days'],
    ['P1W', 'in 7 days'],
    ['P1D', 'tomorrow'],
    ['PT24H', 'tomorrow'],
    ['P2D', 'in 2 days'],
    ['PT2H', 'in 2 hours'],
    ['PT1H', 'in 1 hour'],
    ['PT30M', 'in 30 minutes'],
    ['PT90M', 'in 1 hour and 30 minutes'],
    ['P1DT12H', 'in 1 day and 12 hours'],
    ['P1DT2H30M', 'in 1 day, 2 hours and 30 minutes'],
    ['PT1H59M31S', 'in 2 hours'],
    ['PT1H59M29S', 'in 1 hour and 59 minutes'],
    ['PT23H59M45S', 'tomorrow'],
    ['P6DT23H59M30S', 'in 7 days'],
    ['PT59M30S', 'in 1 hour'],
  ])('%s is "%s"', (offset, phrase) => {
    expect(reminderPhrase(offset)).toBe(phrase);
  });

  it.each(['', 'tomorrow', 'PT0S', 'PT0M', '-P1D'])('refuses %j', (offset) => {
    expect(() => reminderPhrase(offset)).toThrow(/ISO 8601/);
  });

  it('carries rounded minutes into hours and days for any offset in seconds, and adds up to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 30 * 86_400 }), (seconds) => {
        const words = offsetInWords(Duration.fromObject({ seconds }).toISO()!)!;
        expect(words).not.toMatch(/\b60 minutes|\b24 hours/);
        const count = (unit: string) => Number(new RegExp(`(\\d+) ${unit}`).exec(words)?.[1] ?? 0);
        const minutes = count('day') * 1440 + count('hour') * 60 + count('minute');
        expect(minutes).toBe(Math.round(seconds / 60));
      }),
      { numRuns: 2000 },
    );
  });
});
