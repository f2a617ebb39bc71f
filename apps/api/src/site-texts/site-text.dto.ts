import { ApiProperty } from '@nestjs/swagger';
import { MultiLineText } from '@roundtable/platform';

export const SITE_TEXT_MAX = 20_000;

export class UpdateSiteTextDto {
  @ApiProperty({
    example:
      'Roundtable is run by the constituency office.\n\n## What we collect\n\nYour name and email address.',
    maxLength: SITE_TEXT_MAX,
    description:
      'Plain paragraphs separated by a blank line; a paragraph starting "## " is a heading. Shown as text, never HTML.',
  })
  @MultiLineText({ max: SITE_TEXT_MAX })
  body: string;
}

export class SiteTextDto {
  @ApiProperty({ enum: ['privacy', 'accessibility'] })
  key: string;
  @ApiProperty({ example: 'How we use your information' })
  title: string;
  @ApiProperty()
  body: string;
  @ApiProperty({ description: 'True while no admin has changed it: the body is the default text.' })
  isDefault: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}
