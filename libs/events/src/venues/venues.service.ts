import { Injectable } from '@nestjs/common';
import { Clock, InvalidInput, type Page } from '@roundtable/platform';
import { DataSource } from 'typeorm';
import { ukPostcode, VenueCapacityBelowPlanned, VenueNotFound } from '../errors';
import type { CreateVenueDto, ListVenuesQueryDto, UpdateVenueDto } from '../dto/venue.dto';
import { normalisePostcode } from './postcode';
import { Venue } from './venue.entity';
import { VenuesRepository } from './venues.repository';

@Injectable()
export class VenuesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly venues: VenuesRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateVenueDto): Promise<Venue> {
    return this.venues.insert(this.dataSource.manager, {
      name: input.name.trim(),
      address: input.address.trim(),
      postcode: this.postcodeOrFail(input.postcode),
      area: input.area,
      capacity: input.capacity,
      accessFeatures: input.accessFeatures ?? [],
    });
  }

  async get(id: string): Promise<Venue> {
    const venue = await this.venues.findById(id);
    if (!venue) throw new VenueNotFound(id);
    return venue;
  }

  async list(query: ListVenuesQueryDto): Promise<Page<Venue>> {
    const [items, total] = await this.venues.list(query);
    return { items, total };
  }

  /**
   * Lowering a venue's capacity below what an upcoming event there plans for would overbook it,
   * so that is refused, naming the event to change first.
   */
  async update(id: string, patch: UpdateVenueDto): Promise<Venue> {
    const postcode = patch.postcode === undefined ? undefined : this.postcodeOrFail(patch.postcode);
    return this.dataSource.transaction(async (manager) => {
      const venue = await this.venues.lockForBooking(manager, id);
      if (!venue) throw new VenueNotFound(id);
      if (patch.capacity !== undefined && patch.capacity < venue.capacity) {
        const [event] = await this.venues.findEventsAboveCapacity(
          manager,
          id,
          patch.capacity,
          this.clock.now(),
        );
        if (event) {
          throw new VenueCapacityBelowPlanned(patch.capacity, event);
        }
      }
      Object.assign(venue, {
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.address !== undefined && { address: patch.address.trim() }),
        ...(postcode !== undefined && { postcode }),
        ...(patch.area !== undefined && { area: patch.area }),
        ...(patch.capacity !== undefined && { capacity: patch.capacity }),
        ...(patch.accessFeatures !== undefined && { accessFeatures: patch.accessFeatures }),
      });
      return this.venues.save(manager, venue);
    });
  }

  private postcodeOrFail(input: string): string {
    const postcode = normalisePostcode(input);
    if (!postcode) throw new InvalidInput([ukPostcode()]);
    return postcode;
  }
}
