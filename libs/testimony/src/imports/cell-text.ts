import { stripUnsafeCharacters } from '@roundtable/platform';

/**
 * One spreadsheet cell as text. Control and invisible format characters are removed (line breaks
 * kept) so nothing hidden rides in on a story; text that looks like a formula (`=HYPERLINK(…)`)
 * stays text: it is data to us, never evaluated, and exports neutralise it on the way out.
 */
export function cellText(raw: string): string {
  return stripUnsafeCharacters(raw.normalize('NFC'), true).trim();
}

/** Header texts trimmed to one line and made unique ("Other", "Other (2)"), so a mapping can name one. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((text, index) => {
    const base = stripUnsafeCharacters(text, false).replace(/\s+/g, ' ').trim() || `Column ${index + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
