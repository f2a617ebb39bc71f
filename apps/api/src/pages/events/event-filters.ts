import { AREA_VALUES, EVENT_KIND_VALUES, EVENT_STATUSES } from '@roundtable/events';
import { londonLocalToUtc } from '@roundtable/platform';
import { DateTime } from 'luxon';
import { datePartsOf, parseDateParts, readDateParts, type DateParts } from '../forms/date-input';
import { FormErrors } from '../forms/form-errors';
import { textField } from '../forms/form-fields';

export const EVENT_FILTER_FIELDS = ['from', 'to', 'area', 'kind', 'status'] as const;

/** The filters as typed, for showing them again. */
export interface EventFilterValues {
  from: DateParts;
  to: DateParts;
  area: string;
  kind: string;
  status: string;
}

/** What EventsService.list takes (ListEventsQueryDto without paging). */
export interface EventSearch {
  from?: string;
  to?: string;
  area?: string;
  kind?: string;
  status?: string;
}

/**
 * Reads the staff events list's filters. With no filters at all (someone arriving from the
 * menu), the list starts from today, since upcoming events are what staff mostly work on; the
 * filled-in "from" date shows that, and clearing it shows everything.
 */
export function readEventFilters(
  query: Record<string, unknown>,
  today: string,
): {
  values: EventFilterValues;
  search?: EventSearch;
  errors: FormErrors;
} {
  // Paging through the default list keeps it the default list.
  const fresh = Object.keys(query).every((key) => key === 'page');
  const values: EventFilterValues = {
    from: fresh ? datePartsOf(today) : readDateParts(query, 'from'),
    to: readDateParts(query, 'to'),
    area: textField(query, 'area'),
    kind: textField(query, 'kind'),
    status: textField(query, 'status'),
  };
  const errors = new FormErrors();
  const from = dayStart(values.from, 'from', 'From date', 0, errors);
  // "To" includes the whole of that day: events starting before midnight at its end.
  const to = dayStart(values.to, 'to', 'To date', 1, errors);
  if (from && to && to <= from)
    errors.addDate('to', 'To date must be the same as or after the from date', ['day', 'month', 'year']);
  const choice = (value: string, allowed: readonly string[], field: string, message: string) => {
    if (value !== '' && !allowed.includes(value)) errors.add(field, message);
    return value === '' ? undefined : value;
  };
  const search: EventSearch = {
    from,
    to,
    area: choice(values.area, AREA_VALUES, 'area', 'Select an area from the list'),
    kind: choice(values.kind, EVENT_KIND_VALUES, 'kind', 'Select a kind of event from the list'),
    status: choice(values.status, EVENT_STATUSES, 'status', 'Select a status from the list'),
  };
  return { values, search: errors.any ? undefined : search, errors };
}

/** Midnight UK time at the start of the date (plus `addDays`), as ISO; midnight always exists in the UK. */
function dayStart(
  parts: DateParts,
  field: string,
  label: string,
  addDays: number,
  errors: FormErrors,
): string | undefined {
  const date = parseDateParts(parts, label);
  if (date.kind === 'invalid') errors.addDate(field, date.message, date.parts);
  if (date.kind !== 'date') return undefined;
  const day = DateTime.fromISO(date.iso, { zone: 'utc' }).plus({ days: addDays }).toISODate()!;
  const midnight = londonLocalToUtc(day, '00:00');
  return midnight.ok ? midnight.utc.toISOString() : undefined;
}
