import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, ValidateIf } from 'class-validator';
import { EmailAddress, MultiLineText, PersonName } from '@roundtable/platform';
import { ACCESS_NEED_VALUES } from '../access-tasks/access-needs';
import { ATTENDEE_ROLE_VALUES } from '../registrations/registration-status';

/** Someone who came to the event without registering, recorded by staff at the door. */
export class WalkInDto {
  @ApiProperty({
    example: 'Sam Jones',
    maxLength: 100,
    description: 'Letters, spaces, hyphens, apostrophes and full stops: no digits, links or addresses.',
  })
  @PersonName()
  name: string;

  @ApiPropertyOptional({
    example: 'sam@example.org',
    maxLength: 254,
    nullable: true,
    description:
      'Only if they want to give it. Nothing is sent to it: a walk-in did not ask for mail. It is kept so the office can follow up, and it must not already have a registration for this event.',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @EmailAddress()
  email?: string | null;

  @ApiPropertyOptional({ enum: ATTENDEE_ROLE_VALUES, nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsIn(ATTENDEE_ROLE_VALUES, { message: `role must be one of: ${ATTENDEE_ROLE_VALUES.join(', ')}` })
  role?: string | null;

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

  @ApiPropertyOptional({ description: 'What they need today, in their words.', maxLength: 2000 })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @MultiLineText({ max: 2000, allowEmpty: true })
  accessNotes?: string | null;
}
