import { ImportRowReader, type ImportedTestimony } from './import-row-reader';
import type { ChoicesOf, ImportMapping } from './import-mapping';
import type { SurveySheet } from './survey-sheet';

export interface PlannedRow {
  row: number;
  externalId: string;
  externalRef: string;
  testimony: ImportedTestimony;
}

/** Every row of an import sorted into what would be imported, and what would not and why. */
export interface ImportPlan {
  ready: PlannedRow[];
  refused: Array<{ row: number; externalId: string | null; problems: string[] }>;
  /** Already a testimony (an earlier import of this survey): skipped. */
  alreadyImported: Array<{ row: number; externalId: string }>;
  /** The same response ID as an earlier row of this file: skipped. */
  repeatedInFile: Array<{ row: number; externalId: string }>;
}

/** The key an imported row is found again by, so a re-import (or a later export) adds nothing twice. */
export function externalRefOf(fingerprint: string, externalId: string): string {
  return `forms:${fingerprint}:${externalId}`;
}

export function planImport(
  sheet: SurveySheet,
  fingerprint: string,
  mapping: ImportMapping,
  choicesOf: ChoicesOf,
  now: Date,
  isImported: (externalRef: string) => boolean,
): ImportPlan {
  const reader = new ImportRowReader(sheet.headers, mapping, choicesOf, now);
  const plan: ImportPlan = { ready: [], refused: [], alreadyImported: [], repeatedInFile: [] };
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    const read = reader.read(row);
    if ('problems' in read) {
      plan.refused.push(read);
      continue;
    }
    const externalRef = externalRefOf(fingerprint, read.externalId);
    if (isImported(externalRef)) plan.alreadyImported.push({ row: read.row, externalId: read.externalId });
    else if (seen.has(externalRef)) plan.repeatedInFile.push({ row: read.row, externalId: read.externalId });
    else plan.ready.push({ ...read, externalRef });
    seen.add(externalRef);
  }
  return plan;
}

/** The external refs a sheet's rows would have, to ask the database which are already imported. */
export function candidateRefs(
  sheet: SurveySheet,
  fingerprint: string,
  idColumn: string | undefined,
): string[] {
  const index = idColumn === undefined ? -1 : sheet.headers.indexOf(idColumn);
  if (index < 0) return [];
  return [...new Set(sheet.rows.map(({ cells }) => cells[index] ?? '').filter((id) => id !== ''))].map((id) =>
    externalRefOf(fingerprint, id),
  );
}
