import { isIsoDate } from './iso-date.validator';

describe('isIsoDate', () => {
  it.each(['2026-02-01', '2000-01-01', '2100-12-31', '2028-02-29'])('takes %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['a time', '2026-02-01T00:00:00Z'],
    ['an impossible day', '2026-02-30'],
    ['not a leap year', '2027-02-29'],
    ['before 2000', '1999-12-31'],
    ['after 2100', '2101-01-01'],
    ['no zero padding', '2026-2-1'],
    ['a week date', '2026-W05-1'],
    ['spaces', ' 2026-02-01'],
    ['a number', 20260201],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});
