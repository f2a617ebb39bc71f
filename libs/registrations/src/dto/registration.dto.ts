import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { EmailAddress, MultiLineText, PersonName } from '@roundtable/platform';
import { ACCESS_NEED_VALUES } from '../access-tasks/access-needs';
import { ATTENDANCE_VALUES, MAX_COMPANIONS, type Attendance } from '../registrations/party';
import { ATTENDEE_ROLE_VALUES } from '../registrations/registration-status';
import { PHONE_MAX, PHONE_MESSAGE, PHONE_PATTERN } from '../registrations/phone-number';

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
    enum: ATTENDANCE_VALUES,
    description:
      "How this person takes part. Required for a hybrid event (one with a venue and an online link); for the others it may be left out, and if given must be the event's own format. Someone joining a hybrid event online takes no place, so is never waitlisted. Access needs must fit it: in person, step_free, bsl_interpreter, hearing_loop, quiet_room, childcare, dietary, large_print, other; online, captions, bsl_on_screen, papers_in_advance, easy_read, other.",
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(ATTENDANCE_VALUES, { message: `attendance must be one of: ${ATTENDANCE_VALUES.join(', ')}` })
  attendance?: Attendance;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_COMPANIONS,
    default: 0,
    description: `How many people come with this person (a carer, a partner). Each takes a place of their own, counted against the capacity with the person's: the party is confirmed or waitlisted together. At most ${MAX_COMPANIONS}: a bigger group should contact the office.`,
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt({ message: 'companions must be a whole number' })
  @Min(0, { message: 'companions must be 0 or more' })
  @Max(MAX_COMPANIONS, { message: `companions must be ${MAX_COMPANIONS} or fewer` })
  companions?: number;

  @ApiPropertyOptional({
    example: '07700 900123',
    maxLength: PHONE_MAX,
    nullable: true,
    description:
      'A phone number for those who would rather be called, by the office about this event. Digits, spaces and a leading +, like 07700 900123 or +44 7700 900123.',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null && value !== '')
  @MaxLength(PHONE_MAX, { message: PHONE_MESSAGE })
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

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

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_COMPANIONS,
    description: `A new number of people coming with this person. With a place, extra places are taken only if they are all free (409 saying how many are left otherwise); places no longer needed go to the people waiting.`,
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt({ message: 'companions must be a whole number' })
  @Min(0, { message: 'companions must be 0 or more' })
  @Max(MAX_COMPANIONS, { message: `companions must be ${MAX_COMPANIONS} or fewer` })
  companions?: number;

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
