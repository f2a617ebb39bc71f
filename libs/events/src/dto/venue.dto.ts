import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '@roundtable/platform';
import { ACCESS_FEATURE_VALUES } from '../access-features';
import { AREA_VALUES } from '../areas';

export class CreateVenueDto {
  @ApiProperty({ example: 'Halesowen Library' })
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name: string;

  @ApiProperty({ example: 'Queensway, Halesowen' })
  @IsString({ message: 'address must be text' })
  @Length(1, 500, { message: 'address must be between 1 and 500 characters' })
  address: string;

  @ApiProperty({ example: 'B63 4AZ' })
  @IsString({ message: 'postcode must be text' })
  @Length(5, 10, { message: 'postcode must be a UK postcode, such as B63 4AZ' })
  postcode: string;

  @ApiProperty({ enum: AREA_VALUES })
  @IsIn(AREA_VALUES, { message: `area must be one of: ${AREA_VALUES.join(', ')}` })
  area: string;

  @ApiProperty({ example: 60, minimum: 1, maximum: 100000 })
  @Type(() => Number)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100_000, { message: 'capacity must be at most 100000' })
  capacity: number;

  @ApiPropertyOptional({ enum: ACCESS_FEATURE_VALUES, isArray: true, default: [] })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray({ message: 'accessFeatures must be a list' })
  @ArrayMaxSize(ACCESS_FEATURE_VALUES.length)
  @ArrayUnique({ message: 'accessFeatures must not list a feature twice' })
  @IsIn(ACCESS_FEATURE_VALUES, {
    each: true,
    message: `each of accessFeatures must be one of: ${ACCESS_FEATURE_VALUES.join(', ')}`,
  })
  accessFeatures?: string[];
}

/** Every field may be left out, but none may be null: a venue always has all of them. */
export class UpdateVenueDto extends PartialType(CreateVenueDto, { skipNullProperties: false }) {}

export class ListVenuesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AREA_VALUES })
  @IsOptional()
  @IsIn(AREA_VALUES, { message: `area must be one of: ${AREA_VALUES.join(', ')}` })
  area?: string;
}
