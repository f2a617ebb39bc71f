import { ApiPropertyOptional } from '@nestjs/swagger';
import { MultiLineText } from '@roundtable/platform';
import { ValidateIf } from 'class-validator';

export class ArrangeAccessTaskDto {
  @ApiPropertyOptional({
    description:
      'What was arranged, told to the attendee: "Sam, your interpreter, will meet you at the door."',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @MultiLineText({ max: 1000, allowEmpty: true })
  note?: string | null;
}
