import type { ReportFormat, TestimonyReport } from '@roundtable/testimony';

/**
 * "evidence-report-2026-11-30.docx": the day it was made (UK), plain ASCII so every browser and
 * mail client keeps it. The scope is in the document, not the name (a campaign title is free text).
 */
export function reportFileName(report: TestimonyReport, format: Exclude<ReportFormat, 'json'>): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(report.generatedAt),
  );
  return `evidence-report-${day}.${format}`;
}
