import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
// By path, not the library's index: the benchmark builds its export with this file too.
import { EXAMPLE_SURVEY_HEADERS } from '../../libs/testimony/src/imports/example-survey-headers';
import type { ImportField } from '../../libs/testimony/src/imports/import-fields';

/** One response as a test writes it: our field names, a cell value each (a Date for a date cell). */
export type SurveyResponse = Partial<Record<ImportField | 'startTime', ExcelJS.CellValue>>;

/**
 * The columns of a Microsoft Forms "Open results in Excel" export, in its order: ID, Start time,
 * Completion time, Email, Name, Last modified time, then one column per question.
 */
export const FORMS_COLUMNS: Array<{ header: string; field?: ImportField | 'startTime' }> = [
  { header: 'ID', field: 'externalId' },
  { header: 'Start time', field: 'startTime' },
  { header: 'Completion time', field: 'submittedAt' },
  { header: 'Email', field: 'email' },
  { header: 'Name', field: 'name' },
  { header: 'Last modified time' },
  ...(
    [
      'role',
      'area',
      'onBehalfOfYoungPerson',
      'ageBand',
      'schoolPhase',
      'assessmentWaitWeeks',
      'planWaitWeeks',
      'deadline',
      'tribunal',
      'themes',
      'story',
      'quoteConsent',
      'contactConsent',
      'shareWithAuthority',
      'caseworkRequested',
    ] as const
  ).map((field) => ({ header: EXAMPLE_SURVEY_HEADERS[field], field })),
];

/** The header row and cells of a Forms export, row by row. */
export function formsCells(responses: readonly SurveyResponse[]): ExcelJS.CellValue[][] {
  return [
    FORMS_COLUMNS.map((column) => column.header),
    ...responses.map((response) =>
      FORMS_COLUMNS.map((column) => (column.field ? (response[column.field] ?? null) : null)),
    ),
  ];
}

/** An .xlsx shaped like a Forms export (the sheet Forms names "Sheet1"). */
export async function formsWorkbook(responses: readonly SurveyResponse[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const cells of formsCells(responses)) sheet.addRow(cells);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same export saved as CSV UTF-8 (dates as Excel writes them in the UK: 14/03/2026 09:30). */
export function formsCsv(responses: readonly SurveyResponse[]): Buffer {
  const text = (value: ExcelJS.CellValue): string => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    }
    const cell = String(value);
    return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  };
  return Buffer.from(
    formsCells(responses)
      .map((row) => row.map(text).join(','))
      .join('\r\n'),
    'utf8',
  );
}

/** A zip of these entries, deflated: for workbooks that are not what they seem. */
export function zipOf(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
