import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The same rules as a password given in CreateUserDto. */
export class SetPasswordDto {
  @ApiProperty({ example: 'a-long-pass-phrase-2026', minLength: 12, maxLength: 200 })
  @IsString({ message: 'password must be text' })
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;
}
