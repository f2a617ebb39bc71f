import { ApiProperty } from '@nestjs/swagger';
import { MultiLineText } from '@roundtable/platform';

export class RejectPartnerDto {
  @ApiProperty({
    example: 'We work only with organisations in the constituency.',
    maxLength: 1000,
    description: 'Emailed to the contact as it is written.',
  })
  @MultiLineText({ max: 1000 })
  reason: string;
}
