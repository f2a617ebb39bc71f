import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@roundtable/identity';
import { NotificationsModule } from '@roundtable/notifications';
import { RegistrationsModule } from '@roundtable/registrations';
import { CohostRequest } from './cohosting/cohost-request.entity';
import { EventCohost } from './cohosting/event-cohost.entity';
import { Partner } from './partners/partner.entity';
import { PartnerCalendarFeed } from './portal/partner-calendar-feed.entity';
import { PartnerContactConsent } from './portal/partner-contact-consent.entity';
import { PartnerCalendarFeeds } from './portal/partner-calendar-feeds.service';
import { PartnerContacts } from './portal/partner-contacts.service';
import { PartnerEvents } from './portal/partner-events.service';
import { PartnerInvitations } from './portal/partner-invitations.service';

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
    IdentityModule,
    NotificationsModule,
    RegistrationsModule,
  ],
  providers: [PartnerEvents, PartnerContacts, PartnerInvitations, PartnerCalendarFeeds],
  exports: [PartnerEvents, PartnerContacts, PartnerInvitations, PartnerCalendarFeeds],
})
export class PartnersModule {}
