import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { MultiLineText } from '@roundtable/platform';
import { TESTIMONY_STATUSES, type TestimonyStatus } from '../testimonies/testimony-vocabulary';

/** The longest a redaction can be in any case; the service also holds it to the story's length. */
export const REDACTION_MAX = 50_000;
export const NOTE_MAX = 5_000;
export const THEMES_PER_TESTIMONY_MAX = 20;

/** May be left out, but not sent as null: null means nothing for this field. */
const UnlessLeftOut = () => ValidateIf((_, value) => value !== undefined);

/**
 * What staff change on a testimony in one go. Every field may be left out; null means "remove"
 * where it is allowed (the redaction, the flag).
 */
export class UpdateTestimonyDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'The themes it is tagged with, replacing the ones it has; active themes only.',
  })
  @UnlessLeftOut()
  @IsArray({ message: 'themeIds must be a list of theme ids' })
  @ArrayMaxSize(THEMES_PER_TESTIMONY_MAX, {
    message: `themeIds can list at most ${THEMES_PER_TESTIMONY_MAX} themes`,
  })
  @IsUUID('all', { each: true, message: 'each of themeIds must be the id of a theme' })
  themeIds?: string[];

  @ApiPropertyOptional({ enum: TESTIMONY_STATUSES })
  @UnlessLeftOut()
  @IsIn(TESTIMONY_STATUSES, { message: `status must be one of: ${TESTIMONY_STATUSES.join(', ')}` })
  status?: TestimonyStatus;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: REDACTION_MAX,
    description:
      'The story with names and identifying details taken out: the only text a report quotes. The original stays as it was. null removes the redaction (and unselects the quote).',
  })
  @IsOptional()
  @MultiLineText({ max: REDACTION_MAX })
  redactedStory?: string | null;

  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: 'An internal note to add, kept sealed.' })
  @UnlessLeftOut()
  @MultiLineText({ max: NOTE_MAX })
  note?: string;

  @ApiPropertyOptional({
    description: 'Chosen as a quote for the report: needs quote consent and a redaction.',
  })
  @UnlessLeftOut()
  @IsBoolean({ message: 'quoteSelected must be true or false' })
  quoteSelected?: boolean;

  @ApiPropertyOptional({
    enum: ['raised'],
    nullable: true,
    description: '"raised" raises a safeguarding flag (or confirms a suggested one); null clears it.',
  })
  @IsOptional()
  @IsIn(['raised'], { message: 'safeguardingFlag must be "raised", or null to clear it' })
  safeguardingFlag?: 'raised' | null;
}
