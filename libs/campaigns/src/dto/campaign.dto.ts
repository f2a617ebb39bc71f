import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MultiLineText, PageQueryDto, SingleLineText } from '@roundtable/platform';
import { CAMPAIGN_STATUSES } from '../campaign-statuses';
import { IsIsoDate } from './iso-date.validator';

export const CAMPAIGN_TITLE_MAX = 200;
export const CAMPAIGN_TEXT_MAX = 5_000;

export class CreateCampaignDto {
  @ApiProperty({ example: 'Waiting for an EHC plan', maxLength: CAMPAIGN_TITLE_MAX })
  @SingleLineText({ max: CAMPAIGN_TITLE_MAX })
  title: string;

  @ApiProperty({
    maxLength: CAMPAIGN_TEXT_MAX,
    description: 'What the campaign asks about; paragraphs kept.',
  })
  @MultiLineText({ max: CAMPAIGN_TEXT_MAX })
  summary: string;

  @ApiProperty({ example: '2026-03-01', description: 'A date, YYYY-MM-DD (2000–2100).' })
  @IsIsoDate()
  startsOn: string;

  @ApiProperty({ example: '2026-06-30', description: 'A date, YYYY-MM-DD, on or after startsOn.' })
  @IsIsoDate()
  endsOn: string;

  @ApiProperty({
    maxLength: CAMPAIGN_TEXT_MAX,
    description: 'What happens to the evidence: who reads it, what is sent to whom, how long it is kept.',
  })
  @MultiLineText({ max: CAMPAIGN_TEXT_MAX })
  evidenceUse: string;
}

/** Every field may be left out; none may be null. Status changes only by publishing. */
export class UpdateCampaignDto extends PartialType(CreateCampaignDto, { skipNullProperties: false }) {}

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES, { message: `status must be one of: ${CAMPAIGN_STATUSES.join(', ')}` })
  status?: string;
}
