import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../role';

export class CreateUserDto {
  @ApiProperty({ example: 'organiser@halesowen.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address, such as name@example.org' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sam Organiser' })
  @IsString()
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    description: 'At least 12 characters. Leave out to have one generated and returned once.',
  })
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'Required for partner users: the partner organisation.' })
  @IsOptional()
  @IsUUID('4', { message: 'partnerId must be a UUID' })
  partnerId?: string;
}
