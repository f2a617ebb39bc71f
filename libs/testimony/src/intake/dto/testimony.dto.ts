import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AREA_VALUES } from '@roundtable/events';
import { EmailAddress, MultiLineText, PersonName } from '@roundtable/platform';
import { RESPONDENT_ROLES, valuesOf, type RespondentRole } from '../../testimonies/testimony-vocabulary';
import { TestimonyAnswersDto } from './testimony-answers.dto';
import { TestimonyConsentDto } from './testimony-consent.dto';

/** The longest story we take: about forty pages of writing; anything longer is a 400 saying so. */
export const STORY_MAX = 20_000;
/** More themes than any story is about, and fewer than a hostile list. */
export const THEMES_MAX = 20;
const ROLE_VALUES = valuesOf(RESPONDENT_ROLES);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const given = (_: object, value: unknown) => value !== undefined && value !== null;

/** What every way in asks for: the person's words, who they are, and what they consent to. */
export class TestimonyFieldsDto {
  @ApiProperty({ enum: ROLE_VALUES })
  @IsIn(ROLE_VALUES, { message: `role must be one of: ${ROLE_VALUES.join(', ')}` })
  role: RespondentRole;

  @ApiProperty({ enum: AREA_VALUES, description: 'The borough or ward, as events use.' })
  @IsIn(AREA_VALUES, { message: `area must be one of: ${AREA_VALUES.join(', ')}` })
  area: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['ehc-plan-delays', 'transport'],
    description: 'Theme slugs (GET /api/v1/public/themes), active themes only; none is fine.',
  })
  @ValidateIf(given)
  @IsArray({ message: 'themes must be a list of theme slugs' })
  @ArrayMaxSize(THEMES_MAX, { message: `themes must list at most ${THEMES_MAX} themes` })
  @ArrayUnique({ message: 'themes must not list a theme twice' })
  @MaxLength(60, { each: true, message: 'each of themes must be a theme slug' })
  @Matches(SLUG, { each: true, message: 'each of themes must be a theme slug, such as ehc-plan-delays' })
  themes?: string[];

  @ApiProperty({
    maxLength: STORY_MAX,
    description: 'What happened, in their own words. Line breaks are kept.',
  })
  @MultiLineText({ max: STORY_MAX })
  story: string;

  @ApiPropertyOptional({ type: TestimonyAnswersDto })
  @ValidateIf(given)
  @IsObject({ message: 'answers must be an object of the optional structured answers' })
  @ValidateNested({ message: 'answers must be an object of the optional structured answers' })
  @Type(() => TestimonyAnswersDto)
  answers?: TestimonyAnswersDto | null;

  @ApiPropertyOptional({
    description: 'A parent or carer writing for a young person: then answers.ageBand is needed.',
  })
  @ValidateIf(given)
  @IsBoolean({ message: 'onBehalfOf must be true or false' })
  onBehalfOf?: boolean | null;

  @ApiProperty({ type: TestimonyConsentDto })
  @IsDefined({ message: 'consent is needed: quote, contact, shareWithAuthority and casework' })
  @IsObject({ message: 'consent must be an object: quote, contact, shareWithAuthority and casework' })
  @ValidateNested({ message: 'consent must be an object: quote, contact, shareWithAuthority and casework' })
  @Type(() => TestimonyConsentDto)
  consent: TestimonyConsentDto;

  @ApiPropertyOptional({ maxLength: 100, description: 'Only if they choose to give it.' })
  @ValidateIf(given)
  @PersonName()
  name?: string | null;

  @ApiPropertyOptional({ maxLength: 254, description: 'Only if they choose: the receipt goes there.' })
  @ValidateIf(given)
  @EmailAddress()
  email?: string | null;
}

/** The public form: standalone, from an event's page, or from a registration's manage link. */
export class SubmitTestimonyDto extends TestimonyFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A published campaign (the survey).' })
  @ValidateIf(given)
  @IsUUID('all', { message: 'campaignId must be a campaign id (a UUID)' })
  campaignId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'A published event; its campaign is used.' })
  @ValidateIf(given)
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId?: string | null;

  @ApiPropertyOptional({ description: "The token of the registration's manage link it was written from." })
  @ValidateIf(given)
  @Matches(/^rtm_[A-Za-z0-9_-]{43}$/, { message: 'registrationToken must be the token of a manage link' })
  registrationToken?: string | null;
}

/** Testimony heard at a roundtable, entered by staff on the speaker's behalf. */
export class EnterTestimonyDto extends TestimonyFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'The event it was heard at.' })
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId: string;
}
