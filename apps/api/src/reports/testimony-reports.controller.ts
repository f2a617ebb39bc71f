import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import {
  ReportQueryDto,
  TestimonyReportsService,
  toReportCsv,
  toReportDocx,
  type TestimonyReport,
} from '@roundtable/testimony';
import type { Response } from 'express';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { reportFileName } from './report-file-name';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('reports')
@Controller('api/v1/reports')
@Authenticated(...STAFF)
export class TestimonyReportsController {
  constructor(private readonly reports: TestimonyReportsService) {}

  @Get('testimony')
  @ApiOperation({
    summary:
      'The evidence report for a campaign, an event and/or dates (none: everything): counts by theme, area, role and event, attendance, the structured answers summarised, and the consented, redacted quotes staff chose. Every call is audited.',
  })
  @ApiProduces('application/json', 'text/csv', DOCX_TYPE)
  @ApiBadRequestResponse({
    description: 'A scope part is malformed, to is before from, or a campaign or event id matches nothing.',
  })
  async report(
    @Query() query: ReportQueryDto,
    @CurrentUser() user: User,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TestimonyReport | string | StreamableFile> {
    const { format = 'json', ...scope } = query;
    const report = await this.reports.export(scope, { actorId: user.id, format });
    if (format === 'json') return report;
    // Set only once there is a report: a refusal keeps its JSON error body and type.
    res.attachment(reportFileName(report, format));
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      return toReportCsv(report);
    }
    res.type(DOCX_TYPE);
    return new StreamableFile(await toReportDocx(report));
  }
}
