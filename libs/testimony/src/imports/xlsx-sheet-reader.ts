import type ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { cellText } from './cell-text';
import { IMPORT_LIMITS } from './import-limits';
import { UnreadableSurveyFile } from './import-errors';
import type { SurveyRow } from './survey-sheet';
import { checkXlsxInflation } from './zip-inflation-guard';

/**
 * The first worksheet with anything in it, as rows of cell texts (the header row first). Formula
 * cells give the value Excel last calculated and saved; exceljs never evaluates them, nor do we.
 */
export async function readXlsxRows(file: Buffer): Promise<SurveyRow[]> {
  checkXlsxInflation(file);
  // Loaded on first use: exceljs takes most of a second to load, and only an upload needs it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableSurveyFile(
      'the workbook could not be opened: it may be damaged or password-protected. Open it in Excel, save it as .xlsx, and upload it again',
    );
  }
  // A zip with no worksheets (a .docx renamed, say) opens as an empty workbook.
  if (workbook.worksheets.length === 0)
    throw new UnreadableSurveyFile(
      'the file is a zip but not an Excel workbook: it has no worksheets. Upload the .xlsx export from Microsoft Forms',
    );
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) return [];
  checkSheetSize(sheet.actualRowCount, sheet.actualColumnCount);
  const rows: SurveyRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    // row.values is 1-based and sparse: index 0 is always empty.
    const values = row.values as CellValue[];
    const cells: string[] = [];
    for (let column = 1; column < values.length; column += 1) cells.push(cellText(valueText(values[column])));
    rows.push({ row: number, cells });
  });
  return rows;
}

export function checkSheetSize(rowCount: number, columnCount: number): void {
  if (rowCount > IMPORT_LIMITS.rows + 1)
    throw new UnreadableSurveyFile(
      `the sheet has ${rowCount - 1} rows of responses; at most ${IMPORT_LIMITS.rows} can be imported at once: split the responses into smaller files`,
      { rows: rowCount - 1, limit: IMPORT_LIMITS.rows },
    );
  if (columnCount > IMPORT_LIMITS.columns)
    throw new UnreadableSurveyFile(
      `the sheet has ${columnCount} columns; a survey export has at most ${IMPORT_LIMITS.columns}: delete the empty or extra columns and upload it again`,
      { columns: columnCount, limit: IMPORT_LIMITS.columns },
    );
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return wallClock(value);
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? '' : valueText(value.result);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  // An error value (#N/A, #REF!…) is no answer.
  return '';
}

/**
 * A date cell as the time it shows, without a zone ("2026-03-14T09:30:00"): Excel stores the
 * wall-clock time it was written in (Forms exports London time), and exceljs reads it as UTC.
 */
function wallClock(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19);
}
