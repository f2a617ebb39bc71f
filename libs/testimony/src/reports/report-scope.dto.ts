import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '@roundtable/campaigns';

export const REPORT_FORMATS = ['json', 'csv', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Which testimony a report covers. Every part is optional and they combine (a campaign's
 * testimony from one event in March): with none, the report covers everything ever submitted.
 * Dates are UK calendar days, both ends included.
 */
export class ReportScopeQueryDto {
  @ApiPropertyOptional({ description: "Only this campaign's testimony and events." })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be the id of a campaign' })
  campaignId?: string;

  @ApiPropertyOptional({ description: 'Only testimony linked to this event, and the event itself.' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be the id of an event' })
  eventId?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'Submitted on or after this UK date.' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Submitted on or before this UK date.' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class ReportQueryDto extends ReportScopeQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of: ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}
