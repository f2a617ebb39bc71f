import { createHash } from 'node:crypto';
import { answerKey, splitMultipleChoice } from './answer-matching';
import { IMPORT_FIELD_NAMES, IMPORT_FIELDS, type ImportField } from './import-fields';
import type { ImportMapping } from './import-mapping';
import type { SurveyRow } from './survey-sheet';

/**
 * Which survey this is, from its header row alone (case and spacing ignored): the next export of
 * the same form has the same questions, so it gets the same fingerprint and its saved mapping.
 */
export function headerFingerprint(headers: readonly string[]): string {
  const canonical = JSON.stringify(headers.map(answerKey));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** A best guess from the header texts: each field takes the first unclaimed header its pattern matches. */
export function suggestColumns(headers: readonly string[]): ImportMapping['columns'] {
  const columns: ImportMapping['columns'] = {};
  const claimed = new Set<string>();
  for (const field of IMPORT_FIELD_NAMES) {
    const header = headers.find((text) => !claimed.has(text) && IMPORT_FIELDS[field].header.test(text));
    if (header === undefined) continue;
    columns[field] = header;
    claimed.add(header);
  }
  return columns;
}

/** The different answers in a choice field's column, with how many rows gave each (themes split up). */
export function distinctAnswers(
  headers: readonly string[],
  rows: readonly SurveyRow[],
  header: string,
  field: ImportField,
): Map<string, { answer: string; count: number }> {
  const index = headers.indexOf(header);
  const answers = new Map<string, { answer: string; count: number }>();
  if (index < 0) return answers;
  for (const { cells } of rows) {
    const cell = cells[index] ?? '';
    for (const answer of field === 'themes' ? splitMultipleChoice(cell) : cell === '' ? [] : [cell]) {
      const key = answerKey(answer);
      const seen = answers.get(key);
      if (seen) seen.count += 1;
      else answers.set(key, { answer, count: 1 });
    }
  }
  return answers;
}
