import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoTimeWithOffset } from '@roundtable/events';
import { AUDIT_ACTIONS } from '@roundtable/identity';
import { PageQueryDto } from '@roundtable/platform';

/** `GET /api/v1/audit`'s filters: who, what, and a time range (from inclusive, to exclusive). */
export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "The user's id." })
  @IsOptional()
  @IsUUID('all', { message: 'actor must be the id of a user' })
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of: ${AUDIT_ACTIONS.join(', ')}` })
  action?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this time.' })
  @IsOptional()
  @IsIsoTimeWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'Entries before this time.' })
  @IsOptional()
  @IsIsoTimeWithOffset()
  to?: string;
}
