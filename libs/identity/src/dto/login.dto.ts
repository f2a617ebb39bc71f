import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@roundtable.local' })
  @IsString({ message: 'email must be a string' })
  @Length(1, 254, { message: 'email is required' })
  email: string;

  @ApiProperty()
  @IsString({ message: 'password must be a string' })
  @Length(1, 200, { message: 'password is required' })
  password: string;
}
