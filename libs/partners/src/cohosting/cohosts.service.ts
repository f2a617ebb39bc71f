import { Injectable } from '@nestjs/common';
import { EventsService } from '@roundtable/events';
import { AuditLog } from '@roundtable/identity';
import { EventAnnouncementsService } from '@roundtable/registrations';
import type { EntityManager } from 'typeorm';
import { NotACohost } from '../errors';
import { approvedPartnerOrFail, insertCohost } from './cohost-partners';
import type { CohostView, EventCohostsView } from './cohost.view';
import { CohostsReader } from './cohosts.reader';

/**
 * Staff add and remove an event's co-hosts. A change to a published event is an event update
 * like any other: in one transaction the co-host row, the audit entry and an update (with a new
 * calendar invite, its SEQUENCE raised) for everyone registered, invited or waiting; the
 * messages are enqueued after commit (EventAnnouncementsService.changeAround).
 */
@Injectable()
export class CohostsService {
  constructor(
    private readonly events: EventsService,
    private readonly announcements: EventAnnouncementsService,
    private readonly reader: CohostsReader,
    private readonly audit: AuditLog,
  ) {}

  async list(eventId: string): Promise<CohostView[]> {
    await this.events.get(eventId);
    return this.reader.forEvent(eventId);
  }

  /** Adding a partner that already co-hosts changes nothing and tells no one (changed: false). */
  add(eventId: string, partnerId: string, actorId: string): Promise<EventCohostsView> {
    return this.announcements.changeAround(eventId, async (manager) => {
      await approvedPartnerOrFail(manager, partnerId);
      const previousCohosts = await this.reader.namesFor(eventId, manager);
      const changed = await insertCohost(manager, eventId, partnerId, actorId);
      if (changed) await this.record(manager, 'cohost.add', actorId, eventId, partnerId);
      return {
        changed,
        previous: { previousCohosts },
        result: await this.view(manager, eventId, changed),
      };
    });
  }

  /** Removing a partner that does not co-host the event is a 404: there is nothing to remove. */
  remove(eventId: string, partnerId: string, actorId: string): Promise<EventCohostsView> {
    return this.announcements.changeAround(eventId, async (manager) => {
      const previousCohosts = await this.reader.namesFor(eventId, manager);
      // TypeORM answers a DELETE with [rows, affected].
      const [, removed]: [unknown[], number] = await manager.query(
        'DELETE FROM event_cohosts WHERE event_id = $1 AND partner_id = $2',
        [eventId, partnerId],
      );
      if (removed === 0) throw new NotACohost(eventId, partnerId);
      await this.record(manager, 'cohost.remove', actorId, eventId, partnerId);
      return {
        changed: true,
        previous: { previousCohosts },
        result: await this.view(manager, eventId, true),
      };
    });
  }

  private async view(manager: EntityManager, eventId: string, changed: boolean): Promise<EventCohostsView> {
    return { eventId, cohosts: await this.reader.forEvent(eventId, manager), changed };
  }

  private record(
    manager: EntityManager,
    action: 'cohost.add' | 'cohost.remove',
    actorId: string,
    eventId: string,
    partnerId: string,
  ): Promise<void> {
    return this.audit.record(
      { actorId, action, subjectType: 'event', subjectId: eventId, detail: { eventId, partnerId } },
      manager,
    );
  }
}
