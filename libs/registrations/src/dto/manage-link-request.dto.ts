import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** "Send me my link again": the address only, checked as RegisterDto checks it. */
export class ManageLinkRequestDto {
  @ApiProperty({ example: 'sam@example.org' })
  @Transform(trimmed)
  @IsString({ message: 'email must be text' })
  @IsEmail({}, { message: 'email must be an email address, such as name@example.org' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;
}
