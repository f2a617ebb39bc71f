import { stringify } from 'csv-stringify/sync';
import { describeScope, reportTables, type Cell } from './report-tables';
import type { TestimonyReport } from './testimony-report';

/**
 * A spreadsheet opens a cell that starts with one of these as a formula (and some run it), so
 * such a cell is written with a leading apostrophe: shown as text, never run (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function protectCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The report as tidy rows, `section,label,value`, one figure a row, for a spreadsheet or R: a
 * table with several value columns gives a row per column ("Events held and attendance: Attended").
 * Quotes come last, labelled with who said them (role, area, themes), never a name.
 */
export function toReportCsv(report: TestimonyReport): string {
  const rows: Cell[][] = [['section', 'label', 'value']];
  rows.push(['Scope', 'Covers', describeScope(report)]);
  rows.push(['Scope', 'Made at', report.generatedAt]);
  for (const table of reportTables(report)) {
    const [, ...valueColumns] = table.columns;
    for (const [label, ...values] of table.rows) {
      values.forEach((value, index) => {
        const section = valueColumns.length > 1 ? `${table.title}: ${valueColumns[index]}` : table.title;
        rows.push([section, label, value]);
      });
    }
  }
  for (const quote of report.quotes) {
    rows.push(['Quotes', [quote.role, quote.area, ...quote.themes].join('; '), quote.text]);
  }
  return stringify(rows.map((row) => row.map(protectCell)));
}
