import { ApiProperty } from '@nestjs/swagger';
import { EmailAddress } from '@roundtable/platform';
import { Transform } from 'class-transformer';

/** "Forgot your password?": the address the account uses. */
export class PasswordResetRequestDto {
  @ApiProperty({ example: 'organiser@halesowen.example', maxLength: 254 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @EmailAddress()
  email: string;
}
