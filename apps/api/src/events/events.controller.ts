import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CancelEventDto,
  CreateEventDto,
  EventsService,
  ListEventsQueryDto,
  toEventView,
  UpdateEventDto,
  type EventView,
} from '@roundtable/events';
import type { User } from '@roundtable/identity';
import type { EventEntity } from '@roundtable/events';
import { CohostsReader, type CohostView } from '@roundtable/partners';
import type { Page } from '@roundtable/platform';
import {
  EventAnnouncementsService,
  RegistrationsRepository,
  type EventGlance,
} from '@roundtable/registrations';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('events')
@Controller('api/v1/events')
@Authenticated(...STAFF)
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly announcements: EventAnnouncementsService,
    private readonly registrations: RegistrationsRepository,
    private readonly cohosts: CohostsReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Draft an event' })
  @ApiConflictResponse({ description: 'Another event is at the venue at that time; the message names it.' })
  async create(@Body() body: CreateEventDto, @CurrentUser() user: User): Promise<StaffEventView> {
    return this.withCohosts(await this.events.create(body, user.id));
  }

  @Get()
  @ApiOperation({
    summary: 'List events, soonest first',
    description:
      'Each event carries its co-hosts and counts at a glance: placesTaken (confirmed or attended), waiting (on the waiting list) and openAccessNeeds (access needs not yet arranged).',
  })
  async list(@Query() query: ListEventsQueryDto): Promise<Page<StaffEventView & { counts: EventGlance }>> {
    const page = await this.events.list(query);
    const ids = page.items.map((event) => event.id);
    const [cohosts, glances] = await Promise.all([
      this.cohosts.forEvents(ids),
      this.registrations.glanceAt(ids),
    ]);
    return {
      items: page.items.map((event) => ({
        ...toEventView(event),
        cohosts: cohosts.get(event.id) ?? [],
        counts: glances.get(event.id)!,
      })),
      total: page.total,
    };
  }

  @Get(':id')
  async get(@Param('id', uuidPipe('event')) id: string): Promise<StaffEventView> {
    return this.withCohosts(await this.events.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an event; a new time or place after publishing is a reschedule' })
  @ApiConflictResponse({ description: 'A venue clash, or the event is cancelled.' })
  async update(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: UpdateEventDto,
  ): Promise<StaffEventView & { rescheduled: boolean }> {
    const change = await this.announcements.update(id, body);
    return { ...(await this.withCohosts(change.event)), rescheduled: change.rescheduled };
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: it appears on the public pages' })
  async publish(@Param('id', uuidPipe('event')) id: string): Promise<StaffEventView> {
    return this.withCohosts(await this.events.publish(id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an event; everyone registered, invited or waiting is told' })
  async cancel(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: CancelEventDto,
  ): Promise<StaffEventView> {
    return this.withCohosts(await this.announcements.cancel(id, body.reason));
  }

  /** Every answer about an event names its co-hosts, as GET does. */
  private async withCohosts(event: EventEntity): Promise<StaffEventView> {
    return { ...toEventView(event), cohosts: await this.cohosts.forEvent(event.id) };
  }
}

/** What staff see of an event, with the partner organisations co-hosting it. */
type StaffEventView = EventView & { cohosts: CohostView[] };
