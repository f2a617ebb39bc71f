import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AREA_VALUES } from '@roundtable/events';
import { PageQueryDto } from '@roundtable/platform';
import {
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  TESTIMONY_STATUSES,
  valuesOf,
} from '../testimonies/testimony-vocabulary';

const ROLE_VALUES = valuesOf(RESPONDENT_ROLES);
const CONSENT_VALUES = valuesOf(QUOTE_CONSENTS);

/** The staff list's filters; each narrows the list, none reads a sealed field. */
export class ListTestimoniesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Only this campaign's testimony." })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be the id of a campaign' })
  campaignId?: string;

  @ApiPropertyOptional({ description: 'Only testimony heard at or written after this event.' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be the id of an event' })
  eventId?: string;

  @ApiPropertyOptional({
    description: 'A theme id: testimony tagged with it, or with a theme merged into it.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'theme must be the id of a theme' })
  theme?: string;

  @ApiPropertyOptional({ enum: AREA_VALUES })
  @IsOptional()
  @IsIn(AREA_VALUES, { message: `area must be one of: ${AREA_VALUES.join(', ')}` })
  area?: string;

  @ApiPropertyOptional({ enum: ROLE_VALUES })
  @IsOptional()
  @IsIn(ROLE_VALUES, { message: `role must be one of: ${ROLE_VALUES.join(', ')}` })
  role?: string;

  @ApiPropertyOptional({ enum: TESTIMONY_STATUSES })
  @IsOptional()
  @IsIn(TESTIMONY_STATUSES, { message: `status must be one of: ${TESTIMONY_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: CONSENT_VALUES, description: 'The quote consent given.' })
  @IsOptional()
  @IsIn(CONSENT_VALUES, { message: `consent must be one of: ${CONSENT_VALUES.join(', ')}` })
  consent?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: a safeguarding flag is raised or suggested; false: none.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'flagged must be true or false' })
  flagged?: string;
}

/** The filters as the list applies them (and the audit log records them). */
export interface TestimonyFilters {
  campaignId?: string;
  eventId?: string;
  theme?: string;
  area?: string;
  role?: string;
  status?: string;
  consent?: string;
  flagged?: boolean;
}

export function filtersOf(query: ListTestimoniesQueryDto): TestimonyFilters {
  const { limit: _limit, offset: _offset, flagged, ...rest } = query;
  const filters: TestimonyFilters = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string') filters[key as Exclude<keyof TestimonyFilters, 'flagged'>] = value;
  }
  if (flagged !== undefined) filters.flagged = flagged === 'true';
  return filters;
}
