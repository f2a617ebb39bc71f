import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from '@roundtable/campaigns';
import { EventEntity } from './events/event.entity';
import { EventsRepository } from './events/events.repository';
import { EventsService } from './events/events.service';
import { Venue } from './venues/venue.entity';
import { VenuesRepository } from './venues/venues.repository';
import { VenuesService } from './venues/venues.service';

@Module({
  imports: [TypeOrmModule.forFeature([Venue, EventEntity, Campaign])],
  providers: [VenuesRepository, VenuesService, EventsRepository, EventsService],
  exports: [VenuesService, EventsService],
})
export class EventsModule {}
