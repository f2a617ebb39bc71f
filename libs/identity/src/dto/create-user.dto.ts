import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { EmailAddress, PersonName } from '@roundtable/platform';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../role';

export class CreateUserDto {
  @ApiProperty({ example: 'organiser@halesowen.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @EmailAddress()
  email: string;

  @ApiProperty({
    example: 'Sam Organiser',
    maxLength: 100,
    description: 'Letters, spaces, hyphens, apostrophes and full stops.',
  })
  @PersonName()
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    description: 'At least 12 characters. Leave out to have one generated and returned once.',
  })
  @IsOptional()
  @IsString({ message: 'password must be text' })
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password?: string;

  @ApiPropertyOptional({
    description:
      'Staff only: true to email the new user a single-use link to set their own password (what the staff pages do), ' +
      'instead of a generated initialPassword. Leave out password when it is true.',
  })
  @IsOptional()
  @IsBoolean({ message: 'emailPasswordLink must be true or false' })
  emailPasswordLink?: boolean;

  @ApiPropertyOptional({ description: 'Required for partner users: the partner organisation.' })
  @IsOptional()
  @IsUUID('4', { message: 'partnerId must be a UUID' })
  partnerId?: string;
}
