import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { AREA_VALUES } from '@roundtable/events';
import { EmailAddress, MultiLineText, PersonName, SingleLineText } from '@roundtable/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

/** An organisation's registration, from the public form or the API. */
export class RegisterPartnerDto {
  @ApiProperty({ example: 'Halesowen Carers Together', maxLength: 200 })
  @SingleLineText({ max: 200 })
  name: string;

  @ApiPropertyOptional({
    example: '1123456',
    description:
      'England and Wales: 6 or 7 digits (a linked charity adds -1); Scotland: SC0 and five digits; Northern Ireland: NIC and six digits. Leave out when it has none.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? undefined : value))
  @IsString({ message: 'charityNumber must be text' })
  @MaxLength(20, { message: 'charityNumber must be at most 20 characters' })
  charityNumber?: string;

  @ApiProperty({ example: 'Pat Okafor', maxLength: 100 })
  @PersonName()
  contactName: string;

  @ApiProperty({ example: 'pat@carers-together.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @EmailAddress()
  contactEmail: string;

  @ApiProperty({ example: 'We support unpaid carers of children with SEND in Halesowen.', maxLength: 2000 })
  @MultiLineText({ max: 2000 })
  description: string;

  @ApiProperty({ enum: AREA_VALUES, isArray: true, example: ['halesowen-north'] })
  @IsArray({ message: 'areas must be a list' })
  @ArrayMinSize(1, { message: 'areas must name at least one area' })
  @ArrayMaxSize(AREA_VALUES.length)
  @ArrayUnique({ message: 'areas must not list an area twice' })
  @IsIn(AREA_VALUES, { each: true, message: `each of areas must be one of: ${AREA_VALUES.join(', ')}` })
  areas: string[];
}
