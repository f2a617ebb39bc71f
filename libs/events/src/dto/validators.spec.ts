import { validateSync } from 'class-validator';
import { IsIsoTimeWithOffset } from './validators';

class Probe {
  @IsIsoTimeWithOffset()
  startsAt: unknown;
}

const accepts = (value: unknown) =>
  validateSync(Object.assign(new Probe(), { startsAt: value })).length === 0;

describe('IsIsoTimeWithOffset', () => {
  it.each([
    '2026-03-28T10:00:00Z',
    '2026-03-28T10:00Z',
    '2026-07-01T10:00:00+01:00',
    '2026-03-28T10:00:00.123Z',
    '2028-02-29T10:00:00Z',
  ])('accepts %s', (value) => {
    expect(accepts(value)).toBe(true);
  });

  it.each([
    ['no offset', '2026-03-28T10:00:00'],
    ['a date only', '2026-03-28'],
    ['an impossible date', '2026-02-30T10:00:00Z'],
    ['29 February in a common year', '2026-02-29T10:00:00Z'],
    ['an impossible time', '2026-03-28T25:00:00Z'],
    ['an impossible offset', '2026-03-28T10:00:00+25:00'],
    ['a spoken time', 'next Saturday at 10'],
    ['a number', 1_774_692_000_000],
    ['a year after 2100 once in UTC', '9999-12-31T23:00:00-05:00'],
    ['a year after 2100', '2101-01-01T00:00:00Z'],
    ['a year before 2000', '1999-12-31T23:59:59Z'],
    ['a boolean', true],
    ['a list', ['2026-03-28T10:00:00Z']],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(accepts(value)).toBe(false);
  });
});
