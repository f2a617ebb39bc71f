import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { buildEventCalendar, EventsService } from '@roundtable/events';
import { SessionsService, STAFF_ROLES } from '@roundtable/identity';
import { CohostsReader } from '@roundtable/partners';
import { AppConfig, Clock } from '@roundtable/platform';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/authenticated-request';
import { PublicRateLimit } from '../http/throttling';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('events')
@Controller('api/v1/events')
@PublicRateLimit()
export class EventCalendarController {
  constructor(
    private readonly events: EventsService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cohosts: CohostsReader,
  ) {}

  @Get(':id/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The event as an iCalendar file: anyone for published events, staff for drafts' })
  async calendar(
    @Param('id', uuidPipe('event')) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const event = (await this.isStaff(req)) ? await this.events.get(id) : await this.events.getPublic(id);
    // Set only once there is a calendar to send: @Header would label a 404's JSON as a calendar.
    res.type('text/calendar; charset=utf-8').attachment('event.ics');
    return buildEventCalendar(event, {
      eventUrl: new URL(`/events/${event.id}`, this.config.get('PUBLIC_URL')).toString(),
      stamp: this.clock.now(),
      cohosts: await this.cohosts.namesFor(event.id),
    });
  }

  private async isStaff(req: Request): Promise<boolean> {
    const token = bearerToken(req);
    const user = token ? await this.sessions.authenticate(token) : null;
    return user !== null && STAFF_ROLES.includes(user.role);
  }
}
