/** A campaign's calendar date (YYYY-MM-DD) as people read it: "1 March 2026". No time zone applies. */
export function calendarDateInWords(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
