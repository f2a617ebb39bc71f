import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { MultiLineText, SingleLineText } from '@roundtable/platform';

export const THEME_NAME_MAX = 100;
export const THEME_DESCRIPTION_MAX = 1000;

export class CreateThemeDto {
  @ApiProperty({ example: 'Short breaks and respite', maxLength: THEME_NAME_MAX })
  @SingleLineText({ max: THEME_NAME_MAX })
  name: string;

  @ApiPropertyOptional({
    example: 'Getting a break from caring: short breaks, respite care and who pays for them.',
    maxLength: THEME_DESCRIPTION_MAX,
    description: 'Line breaks are kept.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @MultiLineText({ max: THEME_DESCRIPTION_MAX })
  description?: string;
}

/** A rename keeps the theme's id and slug. An empty description ("") clears it. */
export class UpdateThemeDto {
  @ApiPropertyOptional({ example: 'Short breaks and respite care', maxLength: THEME_NAME_MAX })
  @ValidateIf((_, value) => value !== undefined)
  @SingleLineText({ max: THEME_NAME_MAX })
  name?: string;

  @ApiPropertyOptional({
    example: 'Getting a break from caring.',
    maxLength: THEME_DESCRIPTION_MAX,
    description: 'Line breaks are kept; "" clears the description.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @MultiLineText({ max: THEME_DESCRIPTION_MAX, allowEmpty: true })
  description?: string;
}

export class MergeThemeDto {
  @ApiProperty({ format: 'uuid', description: 'The active theme that takes this one in.' })
  @IsUUID('all', { message: 'intoId must be a theme id (a UUID)' })
  intoId: string;
}
