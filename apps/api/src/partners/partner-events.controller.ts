import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { PartnerContacts, PartnerEvents } from '@roundtable/partners';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { partnerActor } from './partner-actor';
import { PartnerContactView, PartnerEventView, toPartnerEventView } from './partner-event.view';

@ApiTags('partner portal')
@Controller('api/v1/partner/events')
@Authenticated('partner')
export class PartnerEventsController {
  constructor(
    private readonly events: PartnerEvents,
    private readonly contacts: PartnerContacts,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The events your organisation co-hosts, with registration counts and access-need totals',
  })
  @ApiOkResponse({ description: "A list in API.md's shape: `{ items: PartnerEventView[], total }`." })
  async list(@CurrentUser() user: User): Promise<{ items: PartnerEventView[]; total: number }> {
    const items = (await this.events.list(partnerActor(user).partnerId)).map(toPartnerEventView);
    return { items, total: items.length };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One co-hosted event with its counts' })
  @ApiOkResponse({ type: PartnerEventView })
  @ApiNotFoundResponse({ description: 'Your organisation does not co-host an event with that id.' })
  async get(
    @Param('id', uuidPipe('event')) eventId: string,
    @CurrentUser() user: User,
  ): Promise<PartnerEventView> {
    return toPartnerEventView(await this.events.get(partnerActor(user).partnerId, eventId));
  }

  @Get(':id/contacts')
  @ApiOperation({
    summary:
      'Attendees who ticked that your organisation may contact them (audited as partner.contacts.read)',
    description:
      'Names, email addresses and roles of people still registered (not cancelled or declined) who consented ' +
      'to your organisation contacting them. A withdrawn consent removes them at once.',
  })
  @ApiOkResponse({ description: "A list in API.md's shape: `{ items: PartnerContactView[], total }`." })
  @ApiNotFoundResponse({ description: 'Your organisation does not co-host an event with that id.' })
  async listContacts(
    @Param('id', uuidPipe('event')) eventId: string,
    @CurrentUser() user: User,
  ): Promise<{ items: PartnerContactView[]; total: number }> {
    const items = await this.contacts.list(partnerActor(user), eventId);
    return { items, total: items.length };
  }
}
