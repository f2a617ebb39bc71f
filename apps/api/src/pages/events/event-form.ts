import {
  CreateEventDto,
  EVENT_DESCRIPTION_MAX,
  EVENT_KIND_VALUES,
  EVENT_TITLE_MAX,
  scheduleProblems,
  type EventEntity,
  type UpdateEventDto,
} from '@roundtable/events';
import { formatLondonDate, londonLocalToUtc, ruleBroken, toLondon } from '@roundtable/platform';
import { plainToInstance } from 'class-transformer';
import { datePartsOf, parseDateParts, readDateParts, type DateParts } from '../forms/date-input';
import { FormErrors } from '../forms/form-errors';
import { parseWholeNumber, textField } from '../forms/form-fields';
import { addProblems, dtoProblems, sentence, type FormWording } from '../forms/service-errors';
import { parseTimeOfDay } from '../forms/time-input';

/** The venue select's choice for an event with no venue. */
export const ONLINE_ONLY = 'online';

/** The form's fields top to bottom: the error summary lists problems in this order. */
export const EVENT_FORM_FIELDS = [
  'title',
  'kind',
  'description',
  'date',
  'startTime',
  'endTime',
  'venueId',
  'onlineUrl',
  'capacity',
] as const;

/** What the person typed, kept as typed so a form shown again with errors loses nothing. */
export interface EventFormValues {
  title: string;
  kind: string;
  description: string;
  date: DateParts;
  startTime: string;
  endTime: string;
  venueId: string;
  onlineUrl: string;
  capacity: string;
}

/** The event's current times, as the edit form shows them. */
export interface CurrentTimes {
  date: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ParsedEventForm {
  errors: FormErrors;
  /** Set when there are no errors: checked with the same DTO as the JSON API. */
  input?: CreateEventDto;
  /** False when an edit left the date and times as they were. */
  timesChanged: boolean;
}

export function readEventForm(body: unknown): EventFormValues {
  return {
    title: textField(body, 'title'),
    kind: textField(body, 'kind'),
    description: textField(body, 'description'),
    date: readDateParts(body, 'date'),
    startTime: textField(body, 'startTime'),
    endTime: textField(body, 'endTime'),
    venueId: textField(body, 'venueId'),
    onlineUrl: textField(body, 'onlineUrl'),
    capacity: textField(body, 'capacity'),
  };
}

export function currentTimes(event: EventEntity): CurrentTimes {
  const start = toLondon(event.startsAt);
  return {
    date: start.toISODate()!,
    startTime: start.toFormat('HH:mm'),
    endTime: toLondon(event.endsAt).toFormat('HH:mm'),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
  };
}

/** An existing event as the edit form shows it, in UK time. */
export function eventFormValues(event: EventEntity): EventFormValues {
  const times = currentTimes(event);
  return {
    title: event.title,
    kind: event.kind,
    description: event.description,
    date: datePartsOf(times.date),
    startTime: times.startTime,
    endTime: times.endTime,
    venueId: event.venueId ?? ONLINE_ONLY,
    onlineUrl: event.onlineUrl ?? '',
    // Empty means "the venue's capacity", so changing venue does not carry the old number over.
    capacity:
      event.capacity === null || event.capacity === event.venue?.capacity ? '' : String(event.capacity),
  };
}

/** True when the event ends on a later day than it starts, which this one-date form cannot show. */
export function spansDays(event: EventEntity): boolean {
  return !toLondon(event.startsAt).hasSame(toLondon(event.endsAt), 'day');
}

/**
 * Checks the form the way a person would want it checked: every problem at once, in words about
 * the form rather than the API, then the API's own DTO checks and the scheduling rules, so
 * nothing the service would refuse is left for a second attempt if it can be found now.
 */
export async function parseEventForm(
  values: EventFormValues,
  context: {
    now: Date;
    /** The venues to choose from, each with how many it holds. */
    venues: ReadonlyMap<string, number>;
    current?: CurrentTimes;
  },
): Promise<ParsedEventForm> {
  const errors = new FormErrors();
  const title = values.title.trim();
  if (title === '') errors.add('title', 'Enter a title for the event');
  // The limits in the form's own words; the DTO below says them for the API.
  if (title.length > EVENT_TITLE_MAX)
    errors.add('title', `Title must be ${EVENT_TITLE_MAX} characters or fewer`);
  if (values.description.trim().length > EVENT_DESCRIPTION_MAX)
    errors.add(
      'description',
      `Description must be ${EVENT_DESCRIPTION_MAX.toLocaleString('en-GB')} characters or fewer`,
    );
  if (!(EVENT_KIND_VALUES as readonly string[]).includes(values.kind))
    errors.add('kind', 'Select what kind of event this is');

  const date = parseDateParts(values.date, 'Date of the event');
  if (date.kind === 'empty') errors.addDate('date', 'Enter the date of the event', ['day', 'month', 'year']);
  if (date.kind === 'invalid') errors.addDate('date', date.message, date.parts);
  const startTime = readTime(values.startTime, 'startTime', 'start', errors);
  const endTime = readTime(values.endTime, 'endTime', 'end', errors);

  const current = context.current;
  const timesChanged = !(
    current &&
    date.kind === 'date' &&
    date.iso === current.date &&
    startTime === current.startTime &&
    endTime === current.endTime
  );
  let startsAt: Date | undefined;
  let endsAt: Date | undefined;
  if (!timesChanged && current) {
    // Kept exactly, so an event running over several days is not squeezed into one by an edit.
    ({ startsAt, endsAt } = current);
  } else if (date.kind === 'date') {
    startsAt = startTime ? toUtc(date.iso, startTime, 'startTime', 'Start time', errors) : undefined;
    endsAt = endTime ? toUtc(date.iso, endTime, 'endTime', 'End time', errors) : undefined;
  }
  if (timesChanged && startsAt && endsAt) {
    addProblems(errors, scheduleProblems({ startsAt, endsAt }, context.now), EVENT_FORM_WORDING);
  } else if (date.kind !== 'date' && startTime && endTime && endTime <= startTime) {
    // No whole start and end to compare (the date is wrong): the times alone still show this,
    // and one pass should show every problem the form can find.
    addProblems(
      errors,
      [ruleBroken('ends-after-start', 'endsAt must be after startsAt', 'endsAt')],
      EVENT_FORM_WORDING,
    );
  }

  const venueId = readVenue(values.venueId, context.venues, errors);
  const onlineUrl = values.onlineUrl.trim();
  if (venueId === null && onlineUrl === '' && !errors.has('venueId')) {
    errors.add('onlineUrl', 'Enter the link people will use to join online, or select a venue');
  }
  const capacity = parseWholeNumber(values.capacity);
  if (Number.isNaN(capacity)) errors.add('capacity', 'Capacity must be a whole number, like 40');
  const venueCapacity = venueId === null ? undefined : context.venues.get(venueId);
  if (typeof capacity === 'number' && venueCapacity !== undefined && capacity > venueCapacity) {
    // The service checks this too, but only once the rest is right: said here, it is said now.
    addProblems(
      errors,
      [
        ruleBroken('capacity-within-venue', 'capacity is over the venue capacity', 'capacity', {
          venueCapacity,
        }),
      ],
      EVENT_FORM_WORDING,
    );
  }

  const input = plainToInstance(CreateEventDto, {
    title,
    kind: values.kind,
    description: values.description.trim(),
    startsAt: startsAt?.toISOString(),
    endsAt: endsAt?.toISOString(),
    venueId,
    onlineUrl: onlineUrl === '' ? null : onlineUrl,
    capacity: capacity === undefined || Number.isNaN(capacity) ? null : capacity,
  });
  for (const problem of await dtoProblems(input)) {
    const field = DTO_FIELDS[problem.property];
    // A missing time was reported above in the form's own words.
    if (field === 'startTime' || field === 'endTime') continue;
    // A field the form has already explained (a limit above) is not explained twice.
    if (errors.has(field)) continue;
    errors.add(field, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input, timesChanged };
}

/** The changes an edit makes, leaving the times out when they were not touched. */
export function eventPatch(input: CreateEventDto, timesChanged: boolean): UpdateEventDto {
  const { startsAt, endsAt, ...rest } = input;
  return timesChanged ? { ...rest, startsAt, endsAt } : rest;
}

/**
 * The scheduling and booking rules in the form's words, by the box to change. The service's
 * messages are written for API clients ("endsAt must be after startsAt"); people filling in a
 * form need to know which box to change. Any other rule shows the service's message at the top.
 */
export const EVENT_FORM_WORDING: FormWording = {
  rules: {
    'ends-after-start': (_, errors) => errors.add('endTime', 'The end time must be after the start time'),
    'max-duration': ({ data }, errors) =>
      errors.add('endTime', `An event can last at most ${data?.days} days`),
    'max-years-ahead': ({ data }, errors) =>
      errors.addDate('date', `The event must be at most ${data?.years} years from now: check the year`, [
        'year',
      ]),
    'starts-in-future': (_, errors) =>
      errors.addDate('date', 'The event must start in the future: check the date and start time', [
        'day',
        'month',
        'year',
      ]),
    'venue-exists': (_, errors) => errors.add('venueId', 'Select a venue from the list'),
    'capacity-within-venue': ({ data }, errors) =>
      errors.add(
        'capacity',
        `Capacity must be ${data?.venueCapacity} or fewer, as that is how many the venue holds`,
      ),
    'venue-free': ({ data }, errors) =>
      errors.add(
        'venueId',
        data?.clashingTitle === undefined
          ? 'The venue is already booked at that time. Choose another venue, date or time'
          : `${data.venueName} is already booked then, for “${data.clashingTitle}” (${data.when}). Choose another venue, date or time`,
      ),
    'needs-a-place': (_, errors) =>
      errors.add('venueId', 'Select a venue, or select Online only and give the online link'),
    'cancelled-event-unchangeable': (_, errors) =>
      errors.add(undefined, 'This event is cancelled, so it can no longer be changed'),
  },
};

const DTO_FIELDS: Record<string, string> = {
  title: 'title',
  kind: 'kind',
  description: 'description',
  startsAt: 'startTime',
  endsAt: 'endTime',
  venueId: 'venueId',
  onlineUrl: 'onlineUrl',
  capacity: 'capacity',
};

/**
 * The DTO's checks, said for the form. Anything not here (the text fields: their messages say
 * which characters to remove, or the limit) shows the DTO's own message.
 */
const DTO_MESSAGES: Record<string, string> = {
  kind: 'Select what kind of event this is',
  venueId: 'Select a venue from the list',
  onlineUrl:
    'Enter the online link as a full web address starting with https://, like https://meet.example.org/abc',
  capacity: 'Capacity must be a whole number from 1 to 100,000',
};

function readTime(
  raw: string,
  field: string,
  which: 'start' | 'end',
  errors: FormErrors,
): string | undefined {
  if (raw.trim() === '') {
    errors.add(field, `Enter the ${which} time`);
    return undefined;
  }
  const time = parseTimeOfDay(raw);
  if (!time) errors.add(field, `Enter the ${which} time using the 24-hour clock, like 18:30`);
  return time;
}

function toUtc(
  isoDate: string,
  time: string,
  field: string,
  label: string,
  errors: FormErrors,
): Date | undefined {
  const result = londonLocalToUtc(isoDate, time);
  if (result.ok) return result.utc;
  const day = formatLondonDate(new Date(`${isoDate}T12:00:00Z`));
  errors.add(
    field,
    result.reason === 'skipped'
      ? `${label} ${time} does not exist on ${day}, because the clocks go forward an hour at 1am. Choose a time before 1am or from 2am`
      : `${label} must be a real time`,
  );
  return undefined;
}

function readVenue(raw: string, venues: ReadonlyMap<string, number>, errors: FormErrors): string | null {
  if (raw === ONLINE_ONLY) return null;
  if (raw === '') errors.add('venueId', 'Select a venue, or Online only');
  else if (!venues.has(raw)) errors.add('venueId', 'Select a venue from the list');
  return raw === '' ? null : raw;
}
