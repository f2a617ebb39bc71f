import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { InvitationsService, InviteContactsDto, type InvitationCounts } from '@roundtable/registrations';
import type { User } from '@roundtable/identity';
import { PartnerInvitations } from '@roundtable/partners';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { partnerActor } from '../partners/partner-actor';
import { uuidPipe } from '../http/uuid.pipe';

class InvitationCountsView implements InvitationCounts {
  @ApiProperty({ description: 'New invitations, queued', example: 9_812 })
  invited: number;

  @ApiProperty({
    description: 'Already had a registration for this event (any status), so not invited again',
    example: 140,
  })
  alreadyInvited: number;

  @ApiProperty({ description: 'Asked for no invitations (unsubscribed), so not invited', example: 36 })
  unsubscribed: number;

  @ApiProperty({ description: 'Entries repeating an address given earlier in the request', example: 12 })
  duplicates: number;
}

/**
 * Staff invite people to an event, and so do partner users to the events their organisation
 * co-hosts (another organisation's event is a 404): their invitations name the partner.
 */
@ApiTags('registrations')
@Controller('api/v1/events/:id/invitations')
@Authenticated(...STAFF, 'partner')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly partnerInvitations: PartnerInvitations,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Invite people (email with a calendar REQUEST); a person already invited is not invited twice. Staff, or a co-hosting partner (audited as partner.invite)',
    description:
      'Up to 10,000 contacts a request (the body may be up to 2 MB). Everyone new gets an invitation, ' +
      'queued after the request commits. Answers 201 with counts: invited (new), alreadyInvited (had a ' +
      'registration for this event, whatever its status), unsubscribed (asked for no invitations), and ' +
      'duplicates (repeats within the request). Nothing is written if any entry is wrong.',
  })
  @ApiCreatedResponse({ type: InvitationCountsView })
  @ApiBadRequestResponse({ description: 'Names each entry to fix, e.g. "contacts[3].email must be…".' })
  @ApiNotFoundResponse({ description: 'No such event (for a partner: none that it co-hosts).' })
  @ApiConflictResponse({ description: 'The event is a draft, cancelled, or has started.' })
  @ApiPayloadTooLargeResponse({ description: 'The body is over 2 MB: send the list in parts.' })
  invite(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: InviteContactsDto,
    @CurrentUser() user: User,
  ): Promise<InvitationCounts> {
    if (user.role === 'partner') {
      return this.partnerInvitations.invite(partnerActor(user), eventId, body.contacts);
    }
    return this.invitations.invite(eventId, body.contacts);
  }
}
