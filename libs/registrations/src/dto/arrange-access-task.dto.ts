import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';

export class ArrangeAccessTaskDto {
  @ApiPropertyOptional({
    description:
      'What was arranged, told to the attendee: "Sam, your interpreter, will meet you at the door."',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string | null;
}
