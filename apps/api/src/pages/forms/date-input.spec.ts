import { parseDateParts } from './date-input';

const parse = (day: string, month: string, year: string) =>
  parseDateParts({ day, month, year }, 'Date of the event');

describe('parseDateParts', () => {
  it.each([
    ['28', '3', '2026', '2026-03-28'],
    ['01', '03', '2026', '2026-03-01'],
    ['29', '2', '2028', '2028-02-29'],
    ['28', 'March', '2026', '2026-03-28'],
    ['28', 'mar', '2026', '2026-03-28'],
    ['28', 'Sept', '2026', '2026-09-28'],
  ])('reads %s %s %s as %s', (day, month, year, iso) => {
    expect(parse(day, month, year)).toEqual({ kind: 'date', iso });
  });

  it('is empty when no box is filled in', () => {
    expect(parse('', '', '')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['', '3', '2026', 'Date of the event must include a day', ['day']],
    ['28', '', '', 'Date of the event must include a month and year', ['month', 'year']],
    ['28', '3', '26', 'Year must include 4 numbers', ['year']],
    ['32', '3', '2026', 'Date of the event must be a real date', ['day']],
    ['28', '13', '2026', 'Date of the event must be a real date', ['month']],
    ['28', 'Ma', '2026', 'Date of the event must be a real date', ['month']],
    ['31', '6', '2026', 'Date of the event must be a real date', ['day', 'month', 'year']],
    ['29', '2', '2026', 'Date of the event must be a real date', ['day', 'month', 'year']],
  ])('refuses %s %s %s: %s', (day, month, year, message, parts) => {
    expect(parse(day, month, year)).toEqual({ kind: 'invalid', message, parts });
  });
});
