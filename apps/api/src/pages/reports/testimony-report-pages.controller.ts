import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { formatLondonDate, formatLondonTime } from '@roundtable/platform';
import {
  describeScope,
  REPORT_TITLE,
  reportTables,
  TestimonyReportsService,
  toReportCsv,
  toReportDocx,
  type ReportScopeQueryDto,
  type TestimonyReport,
} from '@roundtable/testimony';
import type { Response } from 'express';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { CurrentUser } from '../../auth/current-user.decorator';
import { reportFileName } from '../../reports/report-file-name';
import type { FormErrors } from '../forms/form-errors';
import { explainRefusal } from '../forms/service-errors';
import { barChartSvg } from './report-charts';
import { readReportScope, REPORT_SCOPE_FIELDS, scopeQueryString } from './report-scope-form';

const VIEW = 'pages/reports/testimony.njk';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The service's fields are the form's own names. */
const WORDING = { fields: { campaignId: 'campaignId', eventId: 'eventId', from: 'from', to: 'to' } };

/**
 * The evidence report for staff: a scope form, the figures with a chart beside each table, the
 * quotes, and the same report to download as CSV or Word. Each showing and download is audited.
 */
@ApiExcludeController()
@Controller('staff/reports/testimony')
@UseGuards(StaffPageGuard, CsrfGuard)
export class TestimonyReportPagesController {
  constructor(private readonly reports: TestimonyReportsService) {}

  @Get()
  async show(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const choices = await this.reports.scopeChoices();
    const { values, scope, errors } = readReportScope(query, choices);
    const report = scope && (await this.tryExport(scope, user, 'page', errors));
    res.status(report ? 200 : 400).render(VIEW, {
      pageTitle: REPORT_TITLE,
      section: 'reports',
      choices: {
        campaigns: choices.campaigns.map((campaign) => ({ value: campaign.id, label: campaign.title })),
        events: choices.events.map((event) => ({
          value: event.id,
          label: `${event.title} (${formatLondonDate(event.startsAt)})`,
        })),
      },
      values,
      report: report && (await reportView(report)),
      downloads: report &&
        scope && {
          csv: `/staff/reports/testimony/download?${scopeQueryString(scope, 'csv')}`,
          docx: `/staff/reports/testimony/download?${scopeQueryString(scope, 'docx')}`,
        },
      ...errors.toView(REPORT_SCOPE_FIELDS),
    });
  }

  @Get('download')
  async download(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const format = query.format === 'docx' ? 'docx' : query.format === 'csv' ? 'csv' : undefined;
    const choices = await this.reports.scopeChoices();
    const { scope, errors } = readReportScope(query, choices);
    const report = scope && format && (await this.tryExport(scope, user, format, errors));
    if (!report || !format) {
      // An edited link: the page, with its scope form saying what to fix.
      return this.show(query, user, res);
    }
    res.attachment(reportFileName(report, format));
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(toReportCsv(report));
    else res.type(DOCX_TYPE).send(await toReportDocx(report));
  }

  /** The report, or undefined with the refusal put on the form (e.g. "to" before "from"). */
  private async tryExport(
    scope: ReportScopeQueryDto,
    user: User,
    format: 'page' | 'csv' | 'docx',
    errors: FormErrors,
  ): Promise<TestimonyReport | undefined> {
    try {
      return await this.reports.export(scope, { actorId: user.id, format });
    } catch (error) {
      explainRefusal(error, errors, WORDING);
      return undefined;
    }
  }
}

async function reportView(report: TestimonyReport) {
  const tables = reportTables(report);
  const made = new Date(report.generatedAt);
  return {
    scope: describeScope(report),
    madeAt: `${formatLondonDate(made)}, ${formatLondonTime(made)}`,
    summary: tables.find((table) => table.id === 'summary')!,
    tables: await Promise.all(
      tables
        .filter((table) => table.id !== 'summary')
        .map(async (table) => ({
          ...table,
          chart: table.chart && table.rows.length > 0 ? await barChartSvg(table) : undefined,
        })),
    ),
    quotes: report.quotes,
  };
}
