import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsUUID, ValidateIf } from 'class-validator';
import { EmailAddress, MultiLineText, PersonName } from '@roundtable/platform';
import { ACCESS_NEED_VALUES } from '../access-tasks/access-needs';
import { ATTENDEE_ROLE_VALUES } from '../registrations/registration-status';

/** More than any event has co-hosts. */
const MAX_CONSENTS = 20;

export class RegisterDto {
  @ApiProperty({
    example: 'Sam Jones',
    maxLength: 100,
    description: 'Letters, spaces, hyphens, apostrophes and full stops: no digits, links or addresses.',
  })
  @PersonName()
  name: string;

  @ApiProperty({ example: 'sam@example.org', maxLength: 254 })
  @EmailAddress()
  email: string;

  @ApiProperty({ enum: ATTENDEE_ROLE_VALUES })
  @IsIn(ATTENDEE_ROLE_VALUES, { message: `role must be one of: ${ATTENDEE_ROLE_VALUES.join(', ')}` })
  role: string;

  @ApiPropertyOptional({ enum: ACCESS_NEED_VALUES, isArray: true, default: [] })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray({ message: 'accessNeeds must be a list' })
  @ArrayMaxSize(ACCESS_NEED_VALUES.length)
  @ArrayUnique({ message: 'accessNeeds must not list a need twice' })
  @IsIn(ACCESS_NEED_VALUES, {
    each: true,
    message: `each of accessNeeds must be one of: ${ACCESS_NEED_VALUES.join(', ')}`,
  })
  accessNeeds?: string[];

  @ApiPropertyOptional({
    description: 'Anything else we should know to make the event work for you.',
    maxLength: 2000,
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @MultiLineText({ max: 2000, allowEmpty: true })
  accessNotes?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    default: [],
    maxItems: MAX_CONSENTS,
    description:
      "The co-hosting partners (ids from the event's cohosts) that may contact this person about their work with families. Only current co-hosts are accepted. Kept only for a new registration: an address already registered keeps what it had.",
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray({ message: 'partnerContactConsent must be a list of partner ids' })
  @ArrayMaxSize(MAX_CONSENTS, { message: `partnerContactConsent may list at most ${MAX_CONSENTS} partners` })
  @ArrayUnique({ message: 'partnerContactConsent must not list a partner twice' })
  @IsUUID('all', { each: true, message: 'each of partnerContactConsent must be a partner id (a UUID)' })
  partnerContactConsent?: string[];
}

export class UpdateRegistrationDto {
  @ApiPropertyOptional({
    enum: ['accept', 'decline'],
    description: 'Answer an invitation, or give up a place.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(['accept', 'decline'], { message: 'response must be accept or decline' })
  response?: 'accept' | 'decline';

  @ApiPropertyOptional({ enum: ACCESS_NEED_VALUES, isArray: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray({ message: 'accessNeeds must be a list' })
  @ArrayMaxSize(ACCESS_NEED_VALUES.length)
  @ArrayUnique({ message: 'accessNeeds must not list a need twice' })
  @IsIn(ACCESS_NEED_VALUES, {
    each: true,
    message: `each of accessNeeds must be one of: ${ACCESS_NEED_VALUES.join(', ')}`,
  })
  accessNeeds?: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @MultiLineText({ max: 2000, allowEmpty: true })
  accessNotes?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    default: [],
    maxItems: MAX_CONSENTS,
    description:
      "The co-hosting partners (ids from the event's cohosts) that may contact this person about their work with families. Replaces the list: [] withdraws every consent, and the partners stop seeing this person at once.",
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray({ message: 'partnerContactConsent must be a list of partner ids' })
  @ArrayMaxSize(MAX_CONSENTS, { message: `partnerContactConsent may list at most ${MAX_CONSENTS} partners` })
  @ArrayUnique({ message: 'partnerContactConsent must not list a partner twice' })
  @IsUUID('all', { each: true, message: 'each of partnerContactConsent must be a partner id (a UUID)' })
  partnerContactConsent?: string[];
}
