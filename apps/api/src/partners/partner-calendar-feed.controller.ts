import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { PartnerCalendarFeeds } from '@roundtable/partners';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated } from '../auth/roles.decorator';
import { PublicRateLimit } from '../http/throttling';
import { partnerActor } from './partner-actor';

class CalendarFeedUrlView {
  @ApiProperty({
    example: 'https://roundtable.example/partner-feeds/rtf_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG.ics',
    description: 'Shown this once: keep it private. Anyone with it sees your co-hosted events.',
  })
  url: string;
}

@ApiTags('partner portal')
@Controller('api/v1/partner/calendar-feed')
@Authenticated('partner')
export class PartnerCalendarFeedController {
  constructor(private readonly feeds: PartnerCalendarFeeds) {}

  @Post()
  @ApiOperation({
    summary: 'Make a private calendar feed URL of your co-hosted events (turns off any earlier one)',
  })
  @ApiCreatedResponse({ type: CalendarFeedUrlView })
  create(@CurrentUser() user: User): Promise<CalendarFeedUrlView> {
    return this.feeds.create(partnerActor(user));
  }

  @Delete()
  @ApiOperation({ summary: 'Turn off your calendar feed: its URL answers 404 from now on' })
  revoke(@CurrentUser() user: User): Promise<{ revoked: number }> {
    return this.feeds.revoke(partnerActor(user));
  }
}

/** The feed itself: public, the token in its path is the key. */
@ApiTags('partner portal')
@Controller('partner-feeds')
@PublicRateLimit()
export class PartnerFeedController {
  constructor(private readonly feeds: PartnerCalendarFeeds) {}

  @Get(':token.ics')
  @HttpCode(200)
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary:
      "A partner's private calendar feed (GET /partner-feeds/<token>.ics): its co-hosted published events",
  })
  @ApiNotFoundResponse({ description: 'No such feed, or it was turned off.' })
  async feed(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const calendar = await this.feeds.calendarFor(token);
    // Set only once there is a calendar to send: a 404's JSON is not a calendar.
    res.type('text/calendar; charset=utf-8');
    return calendar;
  }
}
