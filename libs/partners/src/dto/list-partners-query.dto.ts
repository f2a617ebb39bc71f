import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@roundtable/platform';
import { IsIn, IsOptional } from 'class-validator';
import { PARTNER_STATUSES, type PartnerStatus } from '../partners/partner.entity';

export class ListPartnersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_STATUSES })
  @IsOptional()
  @IsIn(PARTNER_STATUSES, { message: `status must be one of: ${PARTNER_STATUSES.join(', ')}` })
  status?: PartnerStatus;
}
