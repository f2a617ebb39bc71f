import { ApiPropertyOptional } from '@nestjs/swagger';
import { PersonName } from '@roundtable/platform';
import { IsIn, IsOptional } from 'class-validator';
import { STAFF_ROLES, type Role } from '../role';

/** A change to a staff user; either field may be left out, neither may be null. */
export class UpdateUserDto {
  @ApiPropertyOptional({
    enum: STAFF_ROLES,
    description: 'admin or organiser. Demoting the last active admin is refused (409).',
  })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({
    example: 'Sam Organiser',
    maxLength: 100,
    description: 'Letters, spaces, hyphens, apostrophes and full stops.',
  })
  @IsOptional()
  @PersonName()
  name?: string;
}
