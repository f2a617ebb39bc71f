import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { MultiLineText, PageQueryDto, SingleLineText } from '@roundtable/platform';
import { ACCESS_FEATURE_VALUES } from '../access-features';
import { AREA_VALUES } from '../areas';

export class CreateVenueDto {
  @ApiProperty({ example: 'Halesowen Library', maxLength: 200 })
  @SingleLineText({ max: 200 })
  name: string;

  @ApiProperty({ example: 'Queensway, Halesowen', maxLength: 500, description: 'Line breaks are kept.' })
  @MultiLineText({ max: 500 })
  address: string;

  /** Checked as a UK postcode by the service; here only as one short line of text. */
  @ApiProperty({ example: 'B63 4AZ', maxLength: 10 })
  @SingleLineText({ max: 10 })
  postcode: string;

  @ApiProperty({ enum: AREA_VALUES })
  @IsIn(AREA_VALUES, { message: `area must be one of: ${AREA_VALUES.join(', ')}` })
  area: string;

  @ApiProperty({ example: 60, minimum: 1, maximum: 100000 })
  // No conversion: a JSON true or "60" is not a capacity, and saying so beats storing 1.
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
