import { attendanceOpensAt } from './attendance-window';

describe('attendanceOpensAt', () => {
  it('opens at midnight UK time on the day of the event, in winter (GMT)', () => {
    expect(attendanceOpensAt(new Date('2026-01-20T18:30:00Z')).toISOString()).toBe(
      '2026-01-20T00:00:00.000Z',
    );
  });

  it('opens at midnight UK time in summer (BST), which is 11pm UTC the day before', () => {
    expect(attendanceOpensAt(new Date('2026-07-01T09:00:00Z')).toISOString()).toBe(
      '2026-06-30T23:00:00.000Z',
    );
  });

  it('counts an event just after midnight UK time as on that UK day', () => {
    // 00:30 BST on 2 July is 23:30 UTC on 1 July.
    expect(attendanceOpensAt(new Date('2026-07-01T23:30:00Z')).toISOString()).toBe(
      '2026-07-01T23:00:00.000Z',
    );
  });
});
