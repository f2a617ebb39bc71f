import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsUUID } from 'class-validator';

export class MarkAttendanceDto {
  @ApiProperty({
    type: [String],
    description: 'Registrations of this event to mark attended; each must have a place.',
  })
  @IsArray({ message: 'registrationIds must be a list of registration ids' })
  @ArrayNotEmpty({ message: 'registrationIds must list at least one registration' })
  @ArrayMaxSize(2000, { message: 'registrationIds must list at most 2000 registrations at a time' })
  @IsUUID('all', { each: true, message: 'each of registrationIds must be a registration id (a UUID)' })
  registrationIds: string[];
}
