import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { MultiLineText, PageQueryDto } from '@roundtable/platform';
import { COHOST_REQUEST_STATUSES, type CohostRequestStatus } from '../cohost-request.entity';

export const COHOST_MESSAGE_MAX = 2000;
export const DECLINE_REASON_MAX = 1000;

export class CohostPartnerDto {
  @ApiProperty({ format: 'uuid', description: 'An approved partner organisation.' })
  @IsUUID('all', { message: 'partnerId must be a partner organisation id (a UUID)' })
  partnerId: string;
}

export class AskToCohostDto {
  @ApiProperty({ format: 'uuid', description: 'A published event still to come.' })
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId: string;

  @ApiProperty({
    example: 'Many of our members are parent carers in Halesowen; we would like to co-host and bring them.',
    maxLength: COHOST_MESSAGE_MAX,
    description: 'Why you would like to co-host, for staff. Line breaks are kept.',
  })
  @MultiLineText({ max: COHOST_MESSAGE_MAX })
  message: string;
}

export class DeclineCohostRequestDto {
  @ApiPropertyOptional({
    example: 'The event is already co-hosted by a local forum.',
    maxLength: DECLINE_REASON_MAX,
    description: 'Told to the partner. Line breaks are kept.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @MultiLineText({ max: DECLINE_REASON_MAX, allowEmpty: true })
  reason?: string;
}

export class ListCohostRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COHOST_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(COHOST_REQUEST_STATUSES, {
    message: `status must be one of: ${COHOST_REQUEST_STATUSES.join(', ')}`,
  })
  status?: CohostRequestStatus;
}
