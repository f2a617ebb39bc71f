import { reminderText } from './event-details';

describe('reminderText: the staff page names reminders in the words the reminder emails use', () => {
  it.each([
    [[], 'No reminders'],
    [['P7D', 'P1D', 'PT2H'], '7 days, 1 day and 2 hours before it starts'],
    [['P1W'], '7 days before it starts'],
    [['P14D'], '14 days before it starts'],
    [['P1DT2H30M'], '1 day, 2 hours and 30 minutes before it starts'],
    [['PT90M'], '1 hour and 30 minutes before it starts'],
    // Offsets are validated before they are stored; an odd one is shown as it is, never a 500.
    [['PT30S'], 'PT30S before it starts'],
  ])('%j is "%s"', (offsets, text) => {
    expect(reminderText(offsets)).toBe(text);
  });
});
