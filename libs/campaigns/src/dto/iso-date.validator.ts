import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

/** A calendar date written YYYY-MM-DD that exists (no 30 February), in the years 2000–2100. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return date.isValid && date.year >= EARLIEST_YEAR && date.year <= LATEST_YEAR;
}

export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be a date written YYYY-MM-DD, such as 2026-03-28, between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
        ...options,
      },
      validator: { validate: isIsoDate },
    });
}
