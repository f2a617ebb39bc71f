import { uniqueHeaders } from './cell-text';
import { IMPORT_LIMITS } from './import-limits';
import { UnreadableSurveyFile } from './import-errors';
import { readCsvRows } from './csv-sheet-reader';
import type { SurveyFileFormat, SurveyRow, SurveySheet } from './survey-sheet';
import { readXlsxRows } from './xlsx-sheet-reader';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLD_EXCEL_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads an uploaded survey export (.xlsx or .csv, told apart by its name and checked by its
 * first bytes) into a header row and response rows, or refuses it with what to do instead.
 */
export async function readSurveyFile(
  file: Buffer,
  fileName: string,
): Promise<SurveySheet & { format: SurveyFileFormat }> {
  const format = formatOf(file, fileName);
  const raw = format === 'xlsx' ? await readXlsxRows(file) : readCsvRows(file);
  return { format, ...sheetOf(raw) };
}

function formatOf(file: Buffer, fileName: string): SurveyFileFormat {
  if (file.length === 0) throw new UnreadableSurveyFile('the file is empty: upload the survey export again');
  if (file.length > IMPORT_LIMITS.fileBytes)
    throw new UnreadableSurveyFile(
      `the file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB: split the responses into smaller files`,
    );
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase();
  const zipped = file.subarray(0, 4).equals(ZIP_MAGIC);
  if (extension === 'xls' || file.subarray(0, 4).equals(OLD_EXCEL_MAGIC))
    throw new UnreadableSurveyFile(
      'this is an old Excel 97-2003 (.xls) file: open it in Excel, save it as an Excel Workbook (.xlsx), and upload that',
    );
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv') {
    if (zipped)
      throw new UnreadableSurveyFile(
        'the file is named .csv but is an Excel workbook: rename it to .xlsx, or save it as CSV UTF-8',
      );
    return 'csv';
  }
  throw new UnreadableSurveyFile(
    `upload an Excel workbook (.xlsx) or a CSV file (.csv), such as the Microsoft Forms export; ${extension ? `a .${extension} file` : 'a file without an extension'} cannot be imported`,
  );
}

function sheetOf(raw: SurveyRow[]): SurveySheet {
  const [first, ...rest] = raw;
  if (!first || first.cells.every((cell) => cell === ''))
    throw new UnreadableSurveyFile(
      'the sheet is empty: it needs a header row of question titles and one row per response',
    );
  if (
    first.row !== 1 ||
    first.cells.filter((cell) => cell !== '').length < 2 ||
    first.cells.some((cell) => cell.length > 1000)
  )
    throw new UnreadableSurveyFile(
      'the first row is not a header row: it must hold the column titles (ID, Completion time, the questions…), one per column',
    );
  const width = Math.max(...raw.map(({ cells }) => cells.length));
  const headers = uniqueHeaders(pad(first.cells, width));
  const rows = rest
    .filter(({ cells }) => cells.some((cell) => cell !== ''))
    .map(({ row, cells }) => ({ row, cells: pad(cells, width) }));
  if (rows.length === 0)
    throw new UnreadableSurveyFile(
      'the sheet has a header row but no responses below it: there is nothing to import',
    );
  const long = rows.find(({ cells }) => cells.some((cell) => cell.length > IMPORT_LIMITS.cellCharacters));
  if (long)
    throw new UnreadableSurveyFile(
      `row ${long.row} has a cell longer than ${IMPORT_LIMITS.cellCharacters} characters, far longer than any answer: check the file is the survey export`,
      { row: long.row, limit: IMPORT_LIMITS.cellCharacters },
    );
  return { headers, rows };
}

function pad(row: readonly string[], width: number): string[] {
  return row.length >= width ? [...row] : [...row, ...new Array<string>(width - row.length).fill('')];
}
