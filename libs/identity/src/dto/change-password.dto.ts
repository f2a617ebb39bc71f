import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

/** A signed-in user's new password: the same rules as SetPasswordDto, and the current one. */
export class ChangePasswordDto {
  @ApiProperty({ description: 'The password you signed in with.' })
  @IsString({ message: 'currentPassword must be text' })
  @Length(1, 200, { message: 'currentPassword is required' })
  currentPassword: string;

  @ApiProperty({ example: 'a-long-pass-phrase-2026', minLength: 12, maxLength: 200 })
  @IsString({ message: 'newPassword must be text' })
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(200, { message: 'newPassword must be at most 200 characters' })
  newPassword: string;
}
