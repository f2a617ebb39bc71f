import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EventEntity, PublishedEventNotFound } from '@roundtable/events';
import {
  NotificationLedger,
  NotificationOutbox,
  type DueNotification,
  type PlannedNotification,
} from '@roundtable/notifications';
import { AppConfig, Clock, normaliseEmail } from '@roundtable/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { addressOf, planned } from '../registrations/registration-messages';
import type { Registration } from '../registrations/registration.entity';
import { addressLockSql } from './address-lock';
import { RegistrationsRepository } from '../registrations/registrations.repository';

/** What the limits allow now for one address (and event). */
interface LinkSendLimits {
  perAddressPerEvent: number;
  perAddress: number;
  perEventPerHour: number;
}

/**
 * "Here is your link": emails an address that already has a registration its own private link,
 * when someone registers that address again or asks for its link. It changes nothing, and the
 * link goes only to the address, so whoever asked learns nothing and can take nothing over.
 *
 * A stranger can cause these emails, so they are limited per address and event, per address, and
 * per event (LINK_EMAILS_* settings), counted in Postgres from the ledger (so the limits hold
 * across api processes, with no Redis). Over a limit nothing is sent and the caller's answer is
 * the same; the log says so, with ids only.
 */
@Injectable()
export class ManageLinkRequests {
  private readonly logger = new Logger(ManageLinkRequests.name);
  private readonly limits: LinkSendLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.limits = {
      perAddressPerEvent: config.get('LINK_EMAILS_PER_ADDRESS_PER_EVENT'),
      perAddress: config.get('LINK_EMAILS_PER_ADDRESS'),
      perEventPerHour: config.get('LINK_EMAILS_PER_EVENT_PER_HOUR'),
    };
  }

  /**
   * Inside the caller's transaction: plans the link email for a registration, unless a limit is
   * reached. Returns the rows to enqueue after commit (none when limited).
   */
  async planFor(
    manager: EntityManager,
    registration: Pick<Registration, 'id' | 'email' | 'calendarRevision'>,
    event: Pick<EventEntity, 'id' | 'sequence'>,
  ): Promise<DueNotification[]> {
    const email = addressOf(registration);
    await this.lockAddress(manager, email);
    const over = await this.limitReached(manager, email, event.id);
    if (over) {
      this.logger.log(`Link email for registration ${registration.id}, event ${event.id} not sent: ${over}`);
      return [];
    }
    const row: PlannedNotification = planned('manage-link', registration, event, this.clock.now(), {
      // Each request is its own message; the limits, not the key, stop repeats.
      key: randomUUID(),
    });
    return this.ledger.plan(manager, [row]);
  }

  /** POST /public/events/:id/manage-link: the address's link for that event, if it has one. */
  async requestForEvent(eventId: string, email: string): Promise<void> {
    const address = normaliseEmail(email);
    const due = await this.dataSource.transaction(async (manager) => {
      const event = await manager.getRepository(EventEntity).findOne({ where: { id: eventId } });
      // An unknown or draft event is a 404, as registering for it is: that says nothing about anyone.
      if (!event || event.publishedAt === null) throw new PublishedEventNotFound(eventId);
      if (!isUpcoming(event, this.clock.now())) return [];
      const registration = await this.registrations.findForPerson(manager, eventId, address);
      return registration ? this.planFor(manager, registration, event) : [];
    });
    await this.outbox.enqueue(due);
  }

  /** From a page that does not know the event: the address's links to every event still to come. */
  async requestForAddress(email: string): Promise<void> {
    const address = normaliseEmail(email);
    const due = await this.dataSource.transaction(async (manager) => {
      const mine = await this.registrations.upcomingForAddress(manager, address, this.clock.now());
      if (mine.length === 0) return [];
      const events = await manager
        .getRepository(EventEntity)
        .findBy({ id: In([...new Set(mine.map((registration) => registration.eventId))]) });
      const byId = new Map(events.map((event) => [event.id, event]));
      const due: DueNotification[] = [];
      for (const registration of mine) {
        due.push(...(await this.planFor(manager, registration, byId.get(registration.eventId)!)));
      }
      return due;
    });
    await this.outbox.enqueue(due);
  }

  /** One address's requests are counted one at a time, so two at once cannot both pass a limit. */
  private async lockAddress(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`SELECT ${addressLockSql('$1')}`, [email]);
  }

  /** Which limit a new link email would pass, or null. Counted against the database's clock. */
  private async limitReached(manager: EntityManager, email: string, eventId: string): Promise<string | null> {
    const [counts]: Array<{ address_event: string; address: string; event_hour: string }> =
      await manager.query(
        `SELECT
         (SELECT count(*) FROM notifications
           WHERE kind = 'manage-link' AND recipient_email = $1 AND event_id = $2
             AND created_at > now() - interval '24 hours') AS address_event,
         (SELECT count(*) FROM notifications
           WHERE kind = 'manage-link' AND recipient_email = $1
             AND created_at > now() - interval '24 hours') AS address,
         (SELECT count(*) FROM notifications
           WHERE kind = 'manage-link' AND event_id = $2
             AND created_at > now() - interval '1 hour') AS event_hour`,
        [email, eventId],
      );
    if (Number(counts.address_event) >= this.limits.perAddressPerEvent)
      return `${this.limits.perAddressPerEvent} to this address for this event in 24 hours`;
    if (Number(counts.address) >= this.limits.perAddress)
      return `${this.limits.perAddress} to this address in 24 hours`;
    if (Number(counts.event_hour) >= this.limits.perEventPerHour)
      return `${this.limits.perEventPerHour} for this event in the last hour`;
    return null;
  }
}

function isUpcoming(event: Pick<EventEntity, 'status' | 'startsAt'>, now: Date): boolean {
  return event.status === 'published' && event.startsAt > now;
}
