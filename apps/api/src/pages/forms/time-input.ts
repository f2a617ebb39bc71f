/**
 * A time of day as people type it: the form asks for the 24-hour clock ("18:30"), and also
 * takes "9:30", "18.30", "6:30pm" and "10am", since what was meant is clear. Returns "HH:MM", or
 * undefined when it cannot be read.
 */
export function parseTimeOfDay(raw: string): string | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, '');
  const twentyFour = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$/.exec(text);
  let hour: number;
  let minute: number;
  if (twentyFour) {
    hour = Number(twentyFour[1]);
    minute = Number(twentyFour[2]);
  } else if (twelve) {
    const hour12 = Number(twelve[1]);
    if (hour12 < 1 || hour12 > 12) return undefined;
    hour = (hour12 % 12) + (twelve[3] === 'pm' ? 12 : 0);
    minute = twelve[2] === undefined ? 0 : Number(twelve[2]);
  } else {
    return undefined;
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
