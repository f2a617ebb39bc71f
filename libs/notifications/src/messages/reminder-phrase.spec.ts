import { reminderPhrase } from './reminder-phrase';

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
  ])('%s is "%s"', (offset, phrase) => {
    expect(reminderPhrase(offset)).toBe(phrase);
  });

  it.each(['', 'tomorrow', 'PT0S', 'PT0M', '-P1D'])('refuses %j', (offset) => {
    expect(() => reminderPhrase(offset)).toThrow(/ISO 8601/);
  });
});
