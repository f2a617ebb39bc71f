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
import { PartnerDecisions } from './partners/partner-decisions.service';
import { PartnerMessageFacts } from './partners/partner-message-facts';
import { PartnerMessages } from './partners/partner-messages';
import { PartnerRegistration } from './partners/partner-registration.service';
import { PartnerUsers } from './partners/partner-users.service';
import { Partner } from './partners/partner.entity';
import { PartnersDirectory } from './partners/partners-directory.service';
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
    EventsModule,
    IdentityModule,
    NotificationsModule,
    RegistrationsModule,
  ],
  providers: [
    // Onboarding: registration, decisions, users, and what the worker reads for their messages.
    PartnerMessages,
    PartnerRegistration,
    PartnerDecisions,
    PartnerUsers,
    PartnersDirectory,
    PartnerMessageFacts,
    // Co-hosting: staff's co-hosts, partners' requests and staff's answers.
    CohostsReader,
    CohostsService,
    CohostRequestMessages,
    CohostRequestsService,
    // The portal: co-hosted events, consenting contacts, member invitations, the calendar feed.
    PartnerEvents,
    PartnerContacts,
    PartnerInvitations,
    PartnerCalendarFeeds,
  ],
  exports: [
    PartnerRegistration,
    PartnerDecisions,
    PartnerUsers,
    PartnersDirectory,
    PartnerMessageFacts,
    CohostsReader,
    CohostsService,
    CohostRequestsService,
    PartnerEvents,
    PartnerContacts,
    PartnerInvitations,
    PartnerCalendarFeeds,
  ],
})
export class PartnersModule {}
