import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@roundtable/platform';
import { CASEWORK_STATUSES, type CaseworkStatus } from '../testimonies/casework-referral.entity';

export class ListCaseworkQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASEWORK_STATUSES })
  @IsOptional()
  @IsIn(CASEWORK_STATUSES, { message: `status must be one of: ${CASEWORK_STATUSES.join(', ')}` })
  status?: CaseworkStatus;
}

export class UpdateCaseworkReferralDto {
  @ApiProperty({ enum: CASEWORK_STATUSES })
  @IsIn(CASEWORK_STATUSES, { message: `status must be one of: ${CASEWORK_STATUSES.join(', ')}` })
  status: CaseworkStatus;
}
