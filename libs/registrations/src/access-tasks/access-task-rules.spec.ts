import { accessTaskDueAt, isLate } from './access-task-rules';

describe('isLate', () => {
  const now = new Date('2026-06-17T09:00:00Z');
  const due = (offsetMs: number) => new Date(now.getTime() + offsetMs);

  it('is late when still open after its due date', () => {
    expect(isLate({ status: 'open', dueAt: due(-1) }, now)).toBe(true);
    expect(isLate({ status: 'open', dueAt: due(-7 * 86_400_000) }, now)).toBe(true);
  });

  it('is not late up to and at its due date', () => {
    expect(isLate({ status: 'open', dueAt: due(0) }, now)).toBe(false);
    expect(isLate({ status: 'open', dueAt: due(60_000) }, now)).toBe(false);
  });

  it('is never late once arranged or cancelled', () => {
    expect(isLate({ status: 'arranged', dueAt: due(-86_400_000) }, now)).toBe(false);
    expect(isLate({ status: 'cancelled', dueAt: due(-86_400_000) }, now)).toBe(false);
  });
});

describe('accessTaskDueAt', () => {
  const DAY = 86_400_000;
  const now = new Date('2026-06-01T09:00:00Z');
  const startsIn = (days: number) => new Date(now.getTime() + days * DAY);

  it('is 14 days before the event when there is time', () => {
    expect(accessTaskDueAt(startsIn(30), now)).toEqual(startsIn(16));
    expect(accessTaskDueAt(startsIn(14), now)).toEqual(now);
  });

  it('gives a late registrant half the time left, at most three days, so it is not late at once', () => {
    expect(accessTaskDueAt(startsIn(10), now)).toEqual(startsIn(3));
    expect(accessTaskDueAt(startsIn(2), now)).toEqual(startsIn(1));
    const due = accessTaskDueAt(startsIn(10), now);
    expect(isLate({ status: 'open', dueAt: due }, now)).toBe(false);
  });

  it('is now for an event already under way', () => {
    expect(accessTaskDueAt(startsIn(-1), now)).toEqual(now);
  });
});
