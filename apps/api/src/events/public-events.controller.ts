import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EventsService,
  ListPublicEventsQueryDto,
  toPublicEventView,
  type PublicEventView,
} from '@roundtable/events';
import type { Page } from '@roundtable/platform';
import { PublicRateLimit } from '../http/throttling';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('public')
@Controller('api/v1/public/events')
@PublicRateLimit()
export class PublicEventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Upcoming published events; no personal data' })
  async list(@Query() query: ListPublicEventsQueryDto): Promise<Page<PublicEventView>> {
    const page = await this.events.listPublic(query);
    return { items: page.items.map(toPublicEventView), total: page.total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A published (or since cancelled) event' })
  async get(@Param('id', uuidPipe('event')) id: string): Promise<PublicEventView> {
    return toPublicEventView(await this.events.getPublic(id));
  }
}
