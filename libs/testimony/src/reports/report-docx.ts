import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatLondonDate } from '@roundtable/platform';
import { describeScope, reportTables, type Cell, type ReportTable } from './report-tables';
import type { TestimonyReport } from './testimony-report';

export const REPORT_TITLE = 'Evidence report: what families and professionals told us';

/**
 * The report as a Word document the office edits before sending it on: a title, the scope, a
 * heading and a table for each figure, then the quotes. Plain styles only (Word's own headings
 * and tables), so whoever edits it keeps the document's structure for screen readers.
 */
export function toReportDocx(report: TestimonyReport): Promise<Buffer> {
  const document = new Document({
    title: REPORT_TITLE,
    description: describeScope(report),
    sections: [
      {
        children: [
          new Paragraph({ text: REPORT_TITLE, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: describeScope(report) }),
          new Paragraph({ text: `Made on ${formatLondonDate(new Date(report.generatedAt))}.` }),
          new Paragraph({
            text:
              'Counts include every testimony in scope except those given "for the office only" and those staff set aside. ' +
              'Quotes are words people agreed we may quote without their name, with identifying details removed.',
          }),
          ...reportTables(report).flatMap(tableSection),
          new Paragraph({ text: 'In their own words', heading: HeadingLevel.HEADING_1 }),
          ...quoteParagraphs(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function tableSection(table: ReportTable): Array<Paragraph | Table> {
  const heading = new Paragraph({ text: table.title, heading: HeadingLevel.HEADING_1 });
  if (table.rows.length === 0) return [heading, new Paragraph({ text: 'None in this report.' })];
  const row = (cells: Cell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (cell) =>
          new TableCell({
            children: [new Paragraph({ children: [new TextRun({ text: String(cell), bold: header })] })],
          }),
      ),
    });
  return [
    heading,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(table.columns, true), ...table.rows.map((cells) => row(cells, false))],
    }),
  ];
}

function quoteParagraphs(report: TestimonyReport): Paragraph[] {
  if (report.quotes.length === 0) return [new Paragraph({ text: 'No quotes were chosen for this report.' })];
  return report.quotes.flatMap((quote) => [
    // Paragraph breaks people wrote are kept, as line breaks inside the quote.
    new Paragraph({
      indent: { left: 720 },
      children: quote.text
        .split('\n')
        .map((line, index) => new TextRun({ text: line, italics: true, ...(index > 0 && { break: 1 }) })),
    }),
    new Paragraph({
      text: `${quote.role}, ${quote.area}${quote.themes.length ? `. ${quote.themes.join(', ')}` : ''}`,
    }),
  ]);
}
