import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { TimeRange } from '../scheduling-rules';
import { EventEntity } from './event.entity';

export interface EventSearch {
  from?: Date;
  to?: Date;
  area?: string;
  kind?: string;
  statuses?: string[];
  campaignId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class EventsRepository {
  constructor(@InjectRepository(EventEntity) private readonly events: Repository<EventEntity>) {}

  /**
   * The event with its venue, in one query: findOne with a relation would make two (TypeORM
   * first selects the DISTINCT id with LIMIT 1, then the rows), and the worker reads the event
   * for every message it sends.
   */
  findById(id: string, manager?: EntityManager): Promise<EventEntity | null> {
    return (manager ?? this.events.manager)
      .getRepository(EventEntity)
      .createQueryBuilder('event')
      .leftJoinAndSelect('event.venue', 'venue')
      .where('event.id = :id', { id })
      .getOne();
  }

  /**
   * The first live event at the venue whose time overlaps `range` (half-open, so back-to-back
   * events are fine). Cancelled events free the venue. Call with the venue row locked.
   */
  findClashingAtVenue(
    manager: EntityManager,
    venueId: string,
    range: TimeRange,
    excludeEventId?: string,
  ): Promise<EventEntity | null> {
    const query = manager
      .getRepository(EventEntity)
      .createQueryBuilder('event')
      .where('event.venueId = :venueId', { venueId })
      .andWhere("event.status <> 'cancelled'")
      .andWhere('event.startsAt < :endsAt AND event.endsAt > :startsAt', range)
      .orderBy('event.startsAt', 'ASC');
    if (excludeEventId) query.andWhere('event.id <> :excludeEventId', { excludeEventId });
    return query.getOne();
  }

  /**
   * Whether a campaign row exists, FOR KEY SHARE holds the row until the event's foreign key is written.
   */
  async campaignExists(manager: EntityManager, campaignId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM "campaigns" WHERE "id" = $1 FOR KEY SHARE', [
      campaignId,
    ]);
    return rows.length > 0;
  }

  save(manager: EntityManager, event: EventEntity): Promise<EventEntity> {
    return manager.getRepository(EventEntity).save(event);
  }

  create(manager: EntityManager, values: Partial<EventEntity>): Promise<EventEntity> {
    const repository = manager.getRepository(EventEntity);
    return repository.save(repository.create(values));
  }

  /** Staff and public lists: soonest first, filtered by time window, area, kind and status. */
  async search(search: EventSearch): Promise<[EventEntity[], number]> {
    const query = this.events
      .createQueryBuilder('event')
      .leftJoinAndSelect('event.venue', 'venue')
      .orderBy('event.startsAt', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .take(search.limit)
      .skip(search.offset);
    this.applyFilters(query, search);
    return query.getManyAndCount();
  }

  private applyFilters(query: SelectQueryBuilder<EventEntity>, search: EventSearch): void {
    if (search.from) query.andWhere('event.endsAt >= :from', { from: search.from });
    if (search.to) query.andWhere('event.startsAt < :to', { to: search.to });
    if (search.campaignId)
      query.andWhere('event.campaignId = :campaignId', { campaignId: search.campaignId });
    if (search.kind) query.andWhere('event.kind = :kind', { kind: search.kind });
    if (search.statuses) query.andWhere('event.status IN (:...statuses)', { statuses: search.statuses });
    if (search.area) {
      query.andWhere(new Brackets((where) => where.where('venue.area = :area', { area: search.area })));
    }
  }
}
