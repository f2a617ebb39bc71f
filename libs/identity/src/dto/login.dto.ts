import { ApiProperty } from '@nestjs/swagger';
import { SingleLineText } from '@roundtable/platform';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@roundtable.local', maxLength: 254 })
  @SingleLineText({ max: 254 })
  email: string;

  @ApiProperty()
  @IsString({ message: 'password must be a string' })
  @Length(1, 200, { message: 'password is required' })
  password: string;
}
