import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { SingleLineText } from '@roundtable/platform';
import { EXAMPLE_SURVEY_HEADERS } from './example-survey-headers';
import { CHOICE_FIELDS, IMPORT_FIELD_NAMES, IMPORT_FIELDS, type ImportField } from './import-fields';

const HEADER_MAX = 1000;
const ANSWER_MAX = 1000;
const TRANSLATIONS_MAX = 2000;

/** For each of our fields, the header of the column that fills it (a field left out stays empty). */
export class ImportColumnsDto implements Partial<Record<ImportField, string>> {
  declare externalId?: string;
  declare submittedAt?: string;
  declare email?: string;
  declare name?: string;
  declare quoteConsent?: string;
  declare contactConsent?: string;
  declare shareWithAuthority?: string;
  declare caseworkRequested?: string;
  declare onBehalfOfYoungPerson?: string;
  declare deadline?: string;
  declare tribunal?: string;
  declare assessmentWaitWeeks?: string;
  declare planWaitWeeks?: string;
  declare ageBand?: string;
  declare schoolPhase?: string;
  declare role?: string;
  declare area?: string;
  declare themes?: string;
  declare story?: string;
}

// The same three decorators on every field, applied from the one list of fields rather than
// written out nineteen times: a field added to IMPORT_FIELDS is mappable at once.
for (const field of IMPORT_FIELD_NAMES) {
  const required = field === 'story' || field === 'externalId';
  const decorate = required ? ApiProperty : ApiPropertyOptional;
  decorate({
    type: String,
    example: EXAMPLE_SURVEY_HEADERS[field],
    maxLength: HEADER_MAX,
    description: IMPORT_FIELDS[field].label,
  })(ImportColumnsDto.prototype, field);
  ValidateIf((_: unknown, value: unknown) => value !== undefined)(ImportColumnsDto.prototype, field);
  SingleLineText({ max: HEADER_MAX })(ImportColumnsDto.prototype, field);
}

/** "The survey's answer `answer` (in the column of `field`) means our `value`." */
export class AnswerTranslationDto {
  @ApiProperty({ enum: CHOICE_FIELDS, example: 'role' })
  @IsIn(CHOICE_FIELDS, { message: `field must be one of ${CHOICE_FIELDS.join(', ')}` })
  field: ImportField;

  @ApiProperty({ example: 'Mum or dad', maxLength: ANSWER_MAX })
  @SingleLineText({ max: ANSWER_MAX })
  answer: string;

  @ApiProperty({
    example: 'parent-carer',
    description: "One of our values for the field (a theme's slug for themes; yes or no for yes/no fields)",
    maxLength: 100,
  })
  @SingleLineText({ max: 100 })
  value: string;
}

export class ImportMappingDto {
  @ApiProperty({ type: ImportColumnsDto })
  @IsObject({ message: 'mapping.columns must be an object of field names and column headers' })
  @ValidateNested()
  @Type(() => ImportColumnsDto)
  columns: ImportColumnsDto;

  @ApiPropertyOptional({
    type: [AnswerTranslationDto],
    description: 'Only answers that are not already one of our labels need translating',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(TRANSLATIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => AnswerTranslationDto)
  answers?: AnswerTranslationDto[];
}

export class PreviewImportDto {
  @ApiProperty({ type: ImportMappingDto })
  @IsObject({ message: 'mapping must be an object with columns and answers' })
  @ValidateNested()
  @Type(() => ImportMappingDto)
  mapping: ImportMappingDto;
}
