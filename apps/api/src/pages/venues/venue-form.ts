import { ACCESS_FEATURE_VALUES, AREA_VALUES, CreateVenueDto, normalisePostcode } from '@roundtable/events';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { listField, parseWholeNumber, textField } from '../forms/form-fields';
import { dtoProblems, sentence, type FormWording } from '../forms/service-errors';

/** The form's fields top to bottom: the error summary lists problems in this order. */
export const VENUE_FORM_FIELDS = [
  'name',
  'address',
  'postcode',
  'area',
  'capacity',
  'accessFeatures',
] as const;

/** What the person typed, kept as typed so a form shown again with errors loses nothing. */
export interface VenueFormValues {
  name: string;
  address: string;
  postcode: string;
  area: string;
  capacity: string;
  accessFeatures: string[];
}

export function readVenueForm(body: unknown): VenueFormValues {
  return {
    name: textField(body, 'name'),
    address: textField(body, 'address'),
    postcode: textField(body, 'postcode'),
    area: textField(body, 'area'),
    capacity: textField(body, 'capacity'),
    accessFeatures: listField(body, 'accessFeatures'),
  };
}

/** A venue as it is, for the form that changes it. */
export function venueFormValues(venue: {
  name: string;
  address: string;
  postcode: string;
  area: string;
  capacity: number;
  accessFeatures: readonly string[];
}): VenueFormValues {
  return {
    name: venue.name,
    address: venue.address,
    postcode: venue.postcode,
    area: venue.area,
    capacity: String(venue.capacity),
    accessFeatures: [...venue.accessFeatures],
  };
}

export const EMPTY_VENUE_FORM: VenueFormValues = {
  name: '',
  address: '',
  postcode: '',
  area: '',
  capacity: '',
  accessFeatures: [],
};

/** Every problem at once in the form's words, then the JSON API's own DTO checks. */
export async function parseVenueForm(
  values: VenueFormValues,
): Promise<{ errors: FormErrors; input?: CreateVenueDto }> {
  const errors = new FormErrors();
  const name = values.name.trim();
  const address = values.address.trim();
  const postcode = values.postcode.trim();
  if (name === '') errors.add('name', 'Enter the name of the venue');
  if (address === '') errors.add('address', 'Enter the address of the venue');
  if (postcode === '') errors.add('postcode', 'Enter the postcode of the venue');
  // The service's own check, here too, so a bad postcode shows with the form's other problems.
  else if (!normalisePostcode(postcode)) errors.add('postcode', 'Enter a real UK postcode, like B63 4AZ');
  if (!(AREA_VALUES as readonly string[]).includes(values.area))
    errors.add('area', 'Select the area the venue is in');
  const capacity = parseWholeNumber(values.capacity);
  if (capacity === undefined) errors.add('capacity', 'Enter how many people the venue holds');
  else if (Number.isNaN(capacity)) errors.add('capacity', 'Capacity must be a whole number, like 40');
  if (
    values.accessFeatures.some((feature) => !(ACCESS_FEATURE_VALUES as readonly string[]).includes(feature))
  ) {
    errors.add('accessFeatures', 'Select access features from the list');
  }

  const input = plainToInstance(CreateVenueDto, {
    name,
    address,
    postcode,
    area: values.area,
    capacity: capacity === undefined || Number.isNaN(capacity) ? undefined : capacity,
    accessFeatures: [...new Set(values.accessFeatures)],
  });
  for (const problem of await dtoProblems(input)) {
    errors.add(problem.property, DTO_MESSAGES[problem.property] ?? sentence(problem.message));
  }
  return { errors, input: errors.any ? undefined : input };
}

/** The service's postcode check, in the form's words; anything else shows the service's message at the top. */
export const VENUE_FORM_WORDING: FormWording = {
  rules: {
    'uk-postcode': (_, errors) => errors.add('postcode', 'Enter a real UK postcode, like B63 4AZ'),
    'venue-capacity-covers-events': (problem, errors) =>
      errors.add(
        'capacity',
        `Capacity must be at least ${String(problem.data?.planned)}: “${String(problem.data?.eventTitle)}” plans for that many places here. Lower that event’s capacity first`,
      ),
  },
};

/**
 * The DTO's checks, said for the form. Anything not here (the text fields: their messages say
 * which characters to remove, or the limit) shows the DTO's own message.
 */
const DTO_MESSAGES: Record<string, string> = {
  postcode: 'Enter a real UK postcode, like B63 4AZ',
  area: 'Select the area the venue is in',
  capacity: 'Capacity must be a whole number from 1 to 100,000',
  accessFeatures: 'Select access features from the list',
};
