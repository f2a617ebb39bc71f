import { isLate } from './access-task-rules';

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
