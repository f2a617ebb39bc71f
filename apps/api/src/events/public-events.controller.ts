import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EventsService,
  ListPublicEventsQueryDto,
  toPublicEventView,
  type PublicEventView,
} from '@roundtable/events';
import { CohostsReader, type CohostView } from '@roundtable/partners';
import type { Page } from '@roundtable/platform';
import { PublicRateLimit } from '../http/throttling';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('public')
@Controller('api/v1/public/events')
@PublicRateLimit()
export class PublicEventsController {
  constructor(
    private readonly events: EventsService,
    private readonly cohosts: CohostsReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Upcoming published events, each with its co-hosts; no personal data' })
  async list(@Query() query: ListPublicEventsQueryDto): Promise<Page<PublicEventWithCohosts>> {
    const page = await this.events.listPublic(query);
    const cohosts = await this.cohosts.forEvents(page.items.map((event) => event.id));
    return {
      items: page.items.map((event) => ({
        ...toPublicEventView(event),
        cohosts: cohosts.get(event.id) ?? [],
      })),
      total: page.total,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A published (or since cancelled) event, with its co-hosts' })
  async get(@Param('id', uuidPipe('event')) id: string): Promise<PublicEventWithCohosts> {
    const event = await this.events.getPublic(id);
    return { ...toPublicEventView(event), cohosts: await this.cohosts.forEvent(event.id) };
  }
}

/** The partner organisations co-hosting it, by id and name. */
type PublicEventWithCohosts = PublicEventView & { cohosts: CohostView[] };
