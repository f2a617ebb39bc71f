import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { Venue } from './venue.entity';

@Injectable()
export class VenuesRepository {
  constructor(@InjectRepository(Venue) private readonly venues: Repository<Venue>) {}

  findById(id: string, manager?: EntityManager): Promise<Venue | null> {
    return (manager ?? this.venues.manager).getRepository(Venue).findOneBy({ id });
  }

  /**
   * Locks the venue's row for the rest of the transaction. Every change that books the venue
   * takes this lock first, so two bookings for one venue are checked one after the other.
   */
  lockForBooking(manager: EntityManager, id: string): Promise<Venue | null> {
    return manager.getRepository(Venue).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async list(filter: { area?: string; limit: number; offset: number }): Promise<[Venue[], number]> {
    return this.venues.findAndCount({
      where: filter.area ? { area: filter.area } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  insert(manager: EntityManager, venue: Partial<Venue>): Promise<Venue> {
    const repository = manager.getRepository(Venue);
    return repository.save(repository.create(venue));
  }

  save(manager: EntityManager, venue: Venue): Promise<Venue> {
    return manager.getRepository(Venue).save(venue);
  }

  /** Live events at the venue that plan for more people than `capacity`. */
  findEventsAboveCapacity(
    manager: EntityManager,
    venueId: string,
    capacity: number,
    now: Date,
  ): Promise<EventEntity[]> {
    return manager
      .getRepository(EventEntity)
      .createQueryBuilder('event')
      .where('event.venueId = :venueId', { venueId })
      .andWhere("event.status <> 'cancelled'")
      .andWhere('event.endsAt > :now', { now })
      .andWhere('event.capacity > :capacity', { capacity })
      .orderBy('event.startsAt', 'ASC')
      .getMany();
  }
}
