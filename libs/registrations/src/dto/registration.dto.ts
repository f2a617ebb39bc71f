import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ACCESS_NEED_VALUES } from '../access-needs';
import { ATTENDEE_ROLE_VALUES } from '../registration-status';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'Sam Jones' })
  @Transform(trimmed)
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name: string;

  @ApiProperty({ example: 'sam@example.org' })
  @Transform(trimmed)
  @IsString({ message: 'email must be text' })
  @IsEmail({}, { message: 'email must be an email address, such as name@example.org' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
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

  @ApiPropertyOptional({ description: 'Anything else we should know to make the event work for you.' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString({ message: 'accessNotes must be text' })
  @MaxLength(2000, { message: 'accessNotes must be at most 2000 characters' })
  accessNotes?: string | null;
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

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString({ message: 'accessNotes must be text' })
  @MaxLength(2000, { message: 'accessNotes must be at most 2000 characters' })
  accessNotes?: string | null;
}
