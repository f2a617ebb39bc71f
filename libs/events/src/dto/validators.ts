import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

// ISO 8601 with a date, a time and an explicit offset (Z or ±hh:mm), so a time is never
// silently read in the server's own zone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The years a time may fall in, once in UTC: nothing this office plans is outside them, and a
 * bound keeps "9999-12-31T23:00-05:00" (year 10000 in UTC) out of calendar files, which have
 * room for four digits.
 */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

function isIsoTimeWithOffset(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
    return false;
  }
  const time = DateTime.fromISO(value, { setZone: true });
  if (!time.isValid) return false;
  const year = time.toUTC().year;
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

export function IsIsoTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoTimeWithOffset',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an ISO 8601 time with an offset, such as 2026-03-28T10:00:00Z, between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
        ...options,
      },
      validator: {
        // Date.parse alone rolls impossible dates over (30 February becomes 2 March); Luxon does not.
        validate: isIsoTimeWithOffset,
      },
    });
}
