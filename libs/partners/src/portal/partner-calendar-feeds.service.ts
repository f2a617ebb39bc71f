import { Injectable, Logger } from '@nestjs/common';
import { buildEventsFeed, EventEntity } from '@roundtable/events';
import { AppConfig, Clock, hashSecretToken, newSecretToken } from '@roundtable/platform';
import { DataSource, In, IsNull, type Repository } from 'typeorm';
import { CalendarFeedNotFound } from '../errors';
import { Partner } from '../partners/partner.entity';
import type { PartnerActor } from './partner-contacts.service';
import { PartnerCalendarFeed } from './partner-calendar-feed.entity';

/** The shape of a feed token: `rtf_` and 43 base64url characters (256 bits). */
export const CALENDAR_FEED_TOKEN = /^rtf_[A-Za-z0-9_-]{43}$/;

/**
 * A partner's private calendar feed of the published events it co-hosts. A new feed revokes the
 * old one; the token is shown once, in the URL, and only its SHA-256 is kept. The feed carries
 * the events as the public sees them: no attendees, no one's details.
 */
@Injectable()
export class PartnerCalendarFeeds {
  private readonly logger = new Logger(PartnerCalendarFeeds.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Makes a new feed (turning off any earlier one) and returns its URL, the only time it is shown. */
  async create(actor: PartnerActor): Promise<{ url: string }> {
    const token = newSecretToken('rtf');
    const feed = await this.dataSource.transaction(async (manager) => {
      // The partner's row is locked so two requests at once leave one live feed, not two.
      await manager.getRepository(Partner).findOne({
        where: { id: actor.partnerId },
        lock: { mode: 'pessimistic_write' },
      });
      await this.revokeWith(manager.getRepository(PartnerCalendarFeed), actor.partnerId);
      return manager.getRepository(PartnerCalendarFeed).save({
        partnerId: actor.partnerId,
        tokenHash: hashSecretToken(token),
        createdById: actor.userId,
        revokedAt: null,
      });
    });
    this.logger.log(`Partner ${actor.partnerId}: calendar feed ${feed.id} made by user ${actor.userId}`);
    return { url: this.feedUrl(token) };
  }

  /** Turns the partner's feed off: its URL answers 404 from now on. */
  async revoke(actor: PartnerActor): Promise<{ revoked: number }> {
    const revoked = await this.revokeWith(
      this.dataSource.getRepository(PartnerCalendarFeed),
      actor.partnerId,
    );
    this.logger.log(
      `Partner ${actor.partnerId}: ${revoked} calendar feed(s) revoked by user ${actor.userId}`,
    );
    return { revoked };
  }

  /** Whether the partner has a live feed (its URL cannot be shown again). */
  async hasFeed(partnerId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(PartnerCalendarFeed)
      .exists({ where: { partnerId, revokedAt: IsNull() } });
  }

  /** The feed's iCalendar text; CalendarFeedNotFound when the token is unknown or revoked. */
  async calendarFor(token: string): Promise<string> {
    if (!CALENDAR_FEED_TOKEN.test(token)) throw new CalendarFeedNotFound();
    const feed = await this.dataSource.getRepository(PartnerCalendarFeed).findOne({
      where: { tokenHash: hashSecretToken(token), revokedAt: IsNull() },
      relations: { partner: true },
    });
    if (!feed?.partner) throw new CalendarFeedNotFound();
    const cohosted: Array<{ event_id: string }> = await this.dataSource.query(
      'SELECT event_id FROM event_cohosts WHERE partner_id = $1',
      [feed.partnerId],
    );
    // Published events only (cancelled ones stay, marked cancelled, so calendars drop them).
    const events = cohosted.length
      ? await this.dataSource.getRepository(EventEntity).find({
          where: { id: In(cohosted.map((row) => row.event_id)), status: In(['published', 'cancelled']) },
          relations: { venue: true },
          order: { startsAt: 'ASC' },
        })
      : [];
    const published = events.filter((event) => event.publishedAt !== null);
    return buildEventsFeed(published, {
      name: `${feed.partner.name}: co-hosted events`,
      eventUrl: (eventId) => new URL(`/events/${eventId}`, this.config.get('PUBLIC_URL')).toString(),
      stamp: this.clock.now(),
    });
  }

  private feedUrl(token: string): string {
    return new URL(`/partner-feeds/${token}.ics`, this.config.get('PUBLIC_URL')).toString();
  }

  private async revokeWith(feeds: Repository<PartnerCalendarFeed>, partnerId: string): Promise<number> {
    const result = await feeds.update({ partnerId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return result.affected ?? 0;
  }
}
