import { Settings } from 'luxon';
import {
  formatLondonDate,
  formatLondonRange,
  formatLondonTime,
  londonIso,
  londonLocalToUtc,
} from './london-time';

const utc = (iso: string) => new Date(iso);

// The server's own time zone must not matter: run everything as if it were in UTC, in London
// (where Luxon's local reading of a skipped time shifts just like the London one) and elsewhere.
describe.each(['utc', 'Europe/London', 'America/New_York', 'Australia/Sydney'])(
  'UK time on a server in %s',
  (zone) => {
    const original = Settings.defaultZone;
    beforeAll(() => {
      Settings.defaultZone = zone;
    });
    afterAll(() => {
      Settings.defaultZone = original;
    });

    describe('londonLocalToUtc', () => {
      const expectUtc = (date: string, time: string, iso: string) =>
        expect(londonLocalToUtc(date, time)).toEqual({ ok: true, utc: utc(iso) });

      it('reads winter times as GMT and summer times as BST', () => {
        expectUtc('2026-01-15', '10:00', '2026-01-15T10:00:00Z');
        expectUtc('2026-07-01', '10:00', '2026-07-01T09:00:00Z');
        expectUtc('2026-07-01', '18:45:30', '2026-07-01T17:45:30Z');
      });

      it('refuses the hour that does not exist when the clocks go forward (29 March 2026)', () => {
        for (const time of ['01:00', '01:30', '01:59']) {
          expect(londonLocalToUtc('2026-03-29', time)).toEqual({
            ok: false,
            reason: 'skipped',
            message: expect.stringContaining('clocks go forward'),
          });
        }
        expectUtc('2026-03-29', '00:59', '2026-03-29T00:59:00Z');
        expectUtc('2026-03-29', '02:00', '2026-03-29T01:00:00Z');
        expectUtc('2026-03-29', '02:30', '2026-03-29T01:30:00Z');
      });

      it('takes the first (BST) reading of the hour that happens twice when the clocks go back (25 October 2026)', () => {
        expectUtc('2026-10-25', '01:30', '2026-10-25T00:30:00Z');
        expectUtc('2026-10-25', '01:00', '2026-10-25T00:00:00Z');
        expectUtc('2026-10-25', '00:30', '2026-10-24T23:30:00Z');
        expectUtc('2026-10-25', '02:00', '2026-10-25T02:00:00Z');
      });

      it.each([
        ['2026-02-30', '10:00'],
        ['2026-13-01', '10:00'],
        ['2026-01-15', '25:00'],
        ['2026-01-15', '10:60'],
        ['2026-01-15', '10am'],
        ['tomorrow', '10:00'],
        ['', ''],
        ['2026-01-15', '10:00+05:00'],
      ])('refuses %j %j as not a real date and time', (date, time) => {
        expect(londonLocalToUtc(date, time)).toEqual({
          ok: false,
          reason: 'invalid',
          message: 'must be a real date and time',
        });
      });
    });

    describe('formatLondonTime (GOV.UK style, in UK time)', () => {
      it.each([
        ['2026-01-15T10:00:00Z', '10am'],
        ['2026-07-01T09:00:00Z', '10am'],
        ['2026-01-15T17:30:00Z', '5:30pm'],
        ['2026-07-01T16:30:00Z', '5:30pm'],
        ['2026-01-15T12:00:00Z', 'midday'],
        ['2026-07-01T11:00:00Z', 'midday'],
        ['2026-01-15T00:00:00Z', 'midnight'],
        ['2026-06-30T23:00:00Z', 'midnight'],
        ['2026-01-15T00:30:00Z', '12:30am'],
        ['2026-01-15T12:05:00Z', '12:05pm'],
        ['2026-01-15T09:05:00Z', '9:05am'],
      ])('%s is %s', (iso, expected) => {
        expect(formatLondonTime(utc(iso))).toBe(expected);
      });
    });

    describe('formatLondonDate and formatLondonRange', () => {
      it('writes the date in full, on the UK calendar day', () => {
        expect(formatLondonDate(utc('2026-03-28T10:00:00Z'))).toBe('Saturday 28 March 2026');
        // 11:30pm UTC on 30 June is already 1 July in the UK.
        expect(formatLondonDate(utc('2026-06-30T23:30:00Z'))).toBe('Wednesday 1 July 2026');
      });

      it('gives one date for a same-day event', () => {
        expect(formatLondonRange(utc('2026-03-28T10:00:00Z'), utc('2026-03-28T12:00:00Z'))).toBe(
          'Saturday 28 March 2026, 10am to midday',
        );
        expect(formatLondonRange(utc('2026-07-01T17:30:00Z'), utc('2026-07-01T19:00:00Z'))).toBe(
          'Wednesday 1 July 2026, 6:30pm to 8pm',
        );
      });

      it('gives both dates for an event across midnight', () => {
        expect(formatLondonRange(utc('2026-03-28T22:00:00Z'), utc('2026-03-29T12:00:00Z'))).toBe(
          'Saturday 28 March 2026, 10pm to Sunday 29 March 2026, 1pm',
        );
      });
    });

    describe('londonIso', () => {
      it('carries the UK offset of the moment', () => {
        expect(londonIso(utc('2026-01-15T10:00:00Z'))).toBe('2026-01-15T10:00:00+00:00');
        expect(londonIso(utc('2026-07-01T09:00:00Z'))).toBe('2026-07-01T10:00:00+01:00');
      });

      it('switches offset at the moment the clocks change', () => {
        expect(londonIso(utc('2026-03-29T00:59:00Z'))).toBe('2026-03-29T00:59:00+00:00');
        expect(londonIso(utc('2026-03-29T01:00:00Z'))).toBe('2026-03-29T02:00:00+01:00');
        expect(londonIso(utc('2026-10-25T00:30:00Z'))).toBe('2026-10-25T01:30:00+01:00');
        expect(londonIso(utc('2026-10-25T01:30:00Z'))).toBe('2026-10-25T01:30:00+00:00');
      });
    });
  },
);
