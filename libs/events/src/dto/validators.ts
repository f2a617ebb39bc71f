import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

// ISO 8601 with a date, a time and an explicit offset (Z or ±hh:mm), so a time is never
// silently read in the server's own zone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export function IsIsoTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoTimeWithOffset',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an ISO 8601 time with an offset, such as 2026-03-28T10:00:00Z`,
        ...options,
      },
      validator: {
        // Date.parse alone rolls impossible dates over (30 February becomes 2 March); Luxon does not.
        validate: (value: unknown) =>
          typeof value === 'string' &&
          ISO_WITH_OFFSET.test(value) &&
          !Number.isNaN(Date.parse(value)) &&
          DateTime.fromISO(value, { setZone: true }).isValid,
      },
    });
}
