// The shape of a UK postcode (outward code, then a digit and two letters), including GIR 0AA.
const UK_POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/;

/** "b63 3ab" or "B633AB" become "B63 3AB"; anything that is not a UK postcode gives null. */
export function normalisePostcode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  if (!UK_POSTCODE.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}
