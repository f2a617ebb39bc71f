import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@roundtable/events';
import { IdentityModule } from '@roundtable/identity';
import { NotificationsModule } from '@roundtable/notifications';
import { RegistrationsModule } from '@roundtable/registrations';
import { CohostRequest } from './cohosting/cohost-request.entity';
import { CohostRequestMessages } from './cohosting/cohost-request-messages';
import { CohostRequestsService } from './cohosting/cohost-requests.service';
import { CohostsReader } from './cohosting/cohosts.reader';
import { CohostsService } from './cohosting/cohosts.service';
import { EventCohost } from './cohosting/event-cohost.entity';
import { Partner } from './partners/partner.entity';
import { PartnerCalendarFeed } from './portal/partner-calendar-feed.entity';
import { PartnerContactConsent } from './portal/partner-contact-consent.entity';

/**
 * Partner organisations: registration and approval, co-hosting, and the partner portal. Each part
 * adds its providers here; entities are registered in one place so the schema test sees them all.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Partner,
      EventCohost,
      CohostRequest,
      PartnerContactConsent,
      PartnerCalendarFeed,
    ]),
    EventsModule,
    IdentityModule,
    NotificationsModule,
    RegistrationsModule,
  ],
  providers: [CohostsReader, CohostsService, CohostRequestMessages, CohostRequestsService],
  exports: [CohostsReader, CohostsService, CohostRequestsService],
})
export class PartnersModule {}
