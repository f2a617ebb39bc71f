/**
 * Form bodies and query strings arrive as strings, arrays of strings (a field sent twice) or
 * nothing. These read them as what a page expects, without trusting their shape.
 */

/** A single text field; anything else (a repeated field, nothing) reads as empty. */
export function textField(source: unknown, name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Checkboxes: none, one or several values. */
export function listField(source: unknown, name: string): string[] {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * A whole number as people type it: "1,200" and " 60 " are fine. Returns undefined for an empty
 * field and NaN for something that is not a whole number.
 */
export function parseWholeNumber(raw: string): number | undefined {
  const cleaned = raw.trim().replace(/,/g, '');
  if (cleaned === '') return undefined;
  return /^\d{1,9}$/.test(cleaned) ? Number(cleaned) : NaN;
}
