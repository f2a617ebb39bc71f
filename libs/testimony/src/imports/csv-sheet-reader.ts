import { parse } from 'csv-parse/sync';
import { cellText } from './cell-text';
import { IMPORT_LIMITS } from './import-limits';
import { UnreadableSurveyFile } from './import-errors';
import type { SurveyRow } from './survey-sheet';
import { checkSheetSize } from './xlsx-sheet-reader';

/** A CSV export as rows of cell texts (the header row first). UTF-8 only, as Excel's "CSV UTF-8" saves it. */
export function readCsvRows(file: Buffer): SurveyRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new UnreadableSurveyFile(
      'the CSV file is not UTF-8 text: in Excel choose Save As, "CSV UTF-8 (Comma delimited)", and upload that file',
    );
  }
  if (text.includes('\u0000'))
    throw new UnreadableSurveyFile(
      'the file is not a CSV file (it holds binary data): upload the .xlsx or .csv export',
    );
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      // Empty lines are kept (and dropped later) so row numbers match the sheet Excel shows.
      skip_empty_lines: false,
      // One more than the limit, so a longer file is reported rather than cut short.
      to: IMPORT_LIMITS.rows + 2,
      max_record_size: IMPORT_LIMITS.cellCharacters * 4,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UnreadableSurveyFile(
      `the CSV file could not be read${line ? ` near line ${line}` : ''}: check its quotes (a quote inside a cell is written twice), or upload the .xlsx export instead`,
      line ? { line } : undefined,
    );
  }
  checkSheetSize(records.length, Math.max(0, ...records.map((record) => record.length)));
  return records.map((record, index) => ({ row: index + 1, cells: record.map(cellText) }));
}
