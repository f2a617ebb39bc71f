import {
  rangesOverlap,
  reminderOffsetProblems,
  resolveCapacity,
  scheduleProblems as scheduleRulesBroken,
  type TimeRange,
} from './scheduling-rules';

/** The messages of the rules broken, which is what these tests read. */
const scheduleProblems = (range: TimeRange, now: Date) =>
  scheduleRulesBroken(range, now).map((problem) => problem.message);

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);
const range = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });

describe('rangesOverlap', () => {
  it.each([
    ['partly overlapping', range('10:00', '12:00'), range('11:00', '13:00')],
    ['one inside the other', range('10:00', '16:00'), range('11:00', '12:00')],
    ['identical', range('10:00', '12:00'), range('10:00', '12:00')],
  ])('%s ranges clash, whichever comes first', (_, a, b) => {
    expect(rangesOverlap(a, b)).toBe(true);
    expect(rangesOverlap(b, a)).toBe(true);
  });

  it.each([
    ['back to back', range('10:00', '12:00'), range('12:00', '14:00')],
    ['apart', range('10:00', '11:00'), range('15:00', '16:00')],
  ])('%s ranges do not clash', (_, a, b) => {
    expect(rangesOverlap(a, b)).toBe(false);
    expect(rangesOverlap(b, a)).toBe(false);
  });
});

describe('scheduleProblems', () => {
  const now = at('09:00');

  it('accepts a future event of a sensible length', () => {
    expect(scheduleProblems(range('10:00', '12:00'), now)).toEqual([]);
  });

  it('refuses an event that ends before (or as) it starts', () => {
    expect(scheduleProblems(range('12:00', '10:00'), now)).toEqual(['endsAt must be after startsAt']);
    expect(scheduleProblems(range('12:00', '12:00'), now)).toEqual(['endsAt must be after startsAt']);
  });

  it('refuses an event longer than a week, but not one of exactly a week', () => {
    const start = at('10:00');
    const week = 7 * 24 * 3_600_000;
    expect(scheduleProblems({ startsAt: start, endsAt: new Date(start.getTime() + week) }, now)).toEqual([]);
    const [problem, ...rest] = scheduleProblems(
      { startsAt: start, endsAt: new Date(start.getTime() + week + 60_000) },
      now,
    );
    expect(problem).toMatch(/at most 7 days/);
    expect(rest).toEqual([]);
  });

  it('refuses an event that starts now or in the past', () => {
    expect(scheduleProblems(range('09:00', '10:00'), now)).toEqual(['startsAt must be in the future']);
    expect(scheduleProblems(range('08:00', '10:00'), now)).toEqual(['startsAt must be in the future']);
  });

  it('refuses an event more than 5 years ahead, but not one exactly 5 years ahead', () => {
    const fiveYears = {
      startsAt: new Date('2031-03-10T09:00:00Z'),
      endsAt: new Date('2031-03-10T10:00:00Z'),
    };
    expect(scheduleProblems(fiveYears, now)).toEqual([]);
    const later = { startsAt: new Date('2031-03-10T09:01:00Z'), endsAt: new Date('2031-03-10T10:00:00Z') };
    expect(scheduleProblems(later, now)).toEqual(['startsAt must be at most 5 years from now']);
  });

  it('reports every problem at once', () => {
    expect(scheduleProblems(range('08:00', '07:00'), now)).toEqual([
      'endsAt must be after startsAt',
      'startsAt must be in the future',
    ]);
  });
});

describe('resolveCapacity', () => {
  it("defaults to the venue's capacity", () => {
    expect(resolveCapacity(undefined, 40)).toEqual({ ok: true, capacity: 40 });
    expect(resolveCapacity(null, 40)).toEqual({ ok: true, capacity: 40 });
  });

  it("accepts up to the venue's capacity", () => {
    expect(resolveCapacity(25, 40)).toEqual({ ok: true, capacity: 25 });
    expect(resolveCapacity(40, 40)).toEqual({ ok: true, capacity: 40 });
  });

  it("refuses more than the venue's capacity, saying both numbers", () => {
    const decision = resolveCapacity(41, 40);
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.message).toMatch(/41.*40/);
  });

  it('leaves an online-only event unlimited unless staff set a number', () => {
    expect(resolveCapacity(undefined, null)).toEqual({ ok: true, capacity: null });
    expect(resolveCapacity(null, null)).toEqual({ ok: true, capacity: null });
    expect(resolveCapacity(500, null)).toEqual({ ok: true, capacity: 500 });
  });
});

describe('reminderOffsetProblems', () => {
  it('accepts ISO 8601 durations such as the defaults', () => {
    expect(reminderOffsetProblems(['P7D', 'P1D', 'PT2H'])).toEqual([]);
    expect(reminderOffsetProblems(['PT30M', 'P2W'])).toEqual([]);
    expect(reminderOffsetProblems([])).toEqual([]);
  });

  it.each(['7 days', '', 'P', 'PT', '2H', 'P1X', 'tomorrow'])('refuses %j, naming it', (offset) => {
    const problems = reminderOffsetProblems([offset]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`"${offset}"`);
  });

  it.each(['PT0S', 'P0D', 'P-1D', '-P1D'])('refuses the zero or negative %s', (offset) => {
    expect(reminderOffsetProblems([offset])).toEqual([expect.stringContaining('positive')]);
  });

  it('refuses one more than 90 days ahead', () => {
    expect(reminderOffsetProblems(['P91D'])).toEqual([expect.stringContaining('90 days')]);
  });

  it('refuses the same offset twice, even written differently', () => {
    expect(reminderOffsetProblems(['P1D', 'P1D'])).toEqual([expect.stringContaining('twice')]);
    expect(reminderOffsetProblems(['P1D', 'PT24H'])).toEqual([
      expect.stringContaining('"PT24H" is listed twice'),
    ]);
  });

  it('reports only the bad ones in a mixed list', () => {
    expect(reminderOffsetProblems(['P7D', 'nonsense', 'PT2H'])).toEqual([
      expect.stringContaining('"nonsense"'),
    ]);
  });
});
