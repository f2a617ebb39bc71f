import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  InvitationPreviews,
  InvitationsService,
  InviteContactsDto,
  type InvitationCounts,
  type InvitationPreviewCounts,
  type InvitationSample,
} from '@roundtable/registrations';
import type { User } from '@roundtable/identity';
import { CohostsReader, PartnerInvitations } from '@roundtable/partners';
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

class InvitationSampleView implements InvitationSample {
  @ApiProperty({
    description: 'The person it is shown for: the first new person on the list',
    example: 'sam@example.org',
  })
  to: string;

  @ApiProperty({ example: 'Invitation: Post-16 places: a roundtable, Thursday 19 March 2026' })
  subject: string;

  @ApiProperty({ description: 'The plain-text part, as sent' })
  text: string;

  @ApiProperty({
    description:
      'The HTML part, as sent (inline styles, no scripts). Show it sandboxed (an iframe with `sandbox`), never inline in a page',
  })
  html: string;
}

class InvitationPreviewView implements InvitationPreviewCounts {
  @ApiProperty({ description: 'New people: each would get an invitation', example: 9_812 })
  toInvite: number;

  @ApiProperty({
    description: 'Already have a registration for this event (any status): left alone',
    example: 140,
  })
  alreadyInvited: number;

  @ApiProperty({ description: 'Asked for no invitations (unsubscribed): left out', example: 36 })
  unsubscribed: number;

  @ApiProperty({ description: 'Entries repeating an address given earlier in the list', example: 12 })
  duplicates: number;

  @ApiProperty({
    type: InvitationSampleView,
    description:
      'The invitation as the first new person would get it, from the same builder as the send; its private links (made for each person when sent) read `your-private-link`',
  })
  sample: InvitationSampleView;
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
    private readonly previews: InvitationPreviews,
    private readonly cohosts: CohostsReader,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What inviting a list would do, and the email as it will look, without sending or writing anything. Staff, or a co-hosting partner',
    description:
      'The same body and checks as POST /api/v1/events/{id}/invitations (a list it would refuse is refused here, ' +
      'with the same messages). Answers counts (toInvite: new people; alreadyInvited: had a registration for ' +
      'this event; unsubscribed; duplicates within the list) and a sample invitation (subject, text, HTML) for ' +
      'the first new person. Writes nothing and sends nothing; the counts can change before the send (someone ' +
      'registers), and the send answers its own.',
  })
  @ApiOkResponse({ type: InvitationPreviewView })
  @ApiBadRequestResponse({ description: 'Names each entry to fix, e.g. "contacts[3].email must be…".' })
  @ApiNotFoundResponse({ description: 'No such event (for a partner: none that it co-hosts).' })
  @ApiConflictResponse({ description: 'The event is a draft, cancelled, or has started.' })
  @ApiPayloadTooLargeResponse({ description: 'The body is over 2 MB: send the list in parts.' })
  async preview(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: InviteContactsDto,
    @CurrentUser() user: User,
  ): Promise<InvitationPreviewView> {
    const preview =
      user.role === 'partner'
        ? await this.partnerInvitations.preview(partnerActor(user), eventId, body.contacts)
        : await this.previews.preview(eventId, body.contacts, {
            cohosts: await this.cohosts.namesFor(eventId),
          });
    return { ...preview.counts, sample: preview.sample };
  }

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
