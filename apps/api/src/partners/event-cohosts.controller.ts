import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { CohostPartnerDto, CohostsService, CohostView, EventCohostsView } from '@roundtable/partners';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/**
 * Staff name partner organisations as an event's co-hosts. Adding one already there is not an
 * error: the answer is 201 either way, with `changed: false` when nothing changed (no one is told).
 * A change to a published event sends everyone registered an update with a new calendar invite.
 */
@ApiTags('co-hosting')
@Controller('api/v1/events/:id/cohosts')
@Authenticated(...STAFF)
export class EventCohostsController {
  constructor(private readonly cohosts: CohostsService) {}

  @Get()
  @ApiOperation({ summary: "The event's co-hosts, by name" })
  @ApiOkResponse({ type: [CohostView] })
  @ApiNotFoundResponse({ description: 'No event with that id.' })
  list(@Param('id', uuidPipe('event')) id: string): Promise<CohostView[]> {
    return this.cohosts.list(id);
  }

  @Post()
  @ApiOperation({
    summary:
      'Add an approved partner as a co-host (idempotent: 201 with changed false if it already co-hosts); audited as cohost.add',
  })
  @ApiCreatedResponse({ type: EventCohostsView })
  @ApiBadRequestResponse({ description: 'partnerId names no partner, or one not approved.' })
  @ApiConflictResponse({ description: 'The event is cancelled.' })
  add(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: CohostPartnerDto,
    @CurrentUser() user: User,
  ): Promise<EventCohostsView> {
    return this.cohosts.add(id, body.partnerId, user.id);
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a co-host named in the body; audited as cohost.remove' })
  @ApiOkResponse({ type: EventCohostsView })
  @ApiNotFoundResponse({ description: 'No event with that id, or the partner does not co-host it.' })
  removeNamed(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: CohostPartnerDto,
    @CurrentUser() user: User,
  ): Promise<EventCohostsView> {
    return this.cohosts.remove(id, body.partnerId, user.id);
  }

  @Delete(':partnerId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a co-host named in the path; audited as cohost.remove' })
  @ApiOkResponse({ type: EventCohostsView })
  @ApiNotFoundResponse({ description: 'No event with that id, or the partner does not co-host it.' })
  remove(
    @Param('id', uuidPipe('event')) id: string,
    @Param('partnerId', uuidPipe('co-host')) partnerId: string,
    @CurrentUser() user: User,
  ): Promise<EventCohostsView> {
    return this.cohosts.remove(id, partnerId, user.id);
  }
}
