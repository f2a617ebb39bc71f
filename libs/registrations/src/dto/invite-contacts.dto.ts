import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { MAX_CONTACTS_PER_REQUEST } from '../invitations/invitation-contacts';

/** One person to invite (documentation only: entries are checked by checkContacts). */
export class InviteContactDto {
  @ApiPropertyOptional({
    example: 'Sam Jones',
    maxLength: 100,
    description: 'Letters, spaces, hyphens, apostrophes and full stops: no digits, links or addresses.',
  })
  name?: string;

  @ApiProperty({ example: 'sam@example.org', maxLength: 254 })
  email: string;
}

/**
 * The invitations route's body. The entries are checked one by one by checkContacts (in the
 * service), not by nested class-validator rules, so a refusal can say `contacts[3].email must be…`
 * for a list of ten thousand, and the form page can use the same checks.
 */
export class InviteContactsDto {
  @ApiProperty({
    type: [InviteContactDto],
    minItems: 1,
    maxItems: MAX_CONTACTS_PER_REQUEST,
    description:
      'People to invite. Addresses are compared without capitals or spaces; repeats are invited once.',
  })
  @Allow()
  contacts: unknown;
}
