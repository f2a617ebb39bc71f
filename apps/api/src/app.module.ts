import { Module } from '@nestjs/common';
import { CampaignsModule } from '@roundtable/campaigns';
import { EventsModule } from '@roundtable/events';
import { AdminBootstrap } from '@roundtable/identity';
import { NotificationsModule } from '@roundtable/notifications';
import { PartnersModule } from '@roundtable/partners';
import { PlatformModule } from '@roundtable/platform';
import { RegistrationsModule } from '@roundtable/registrations';
import { TestimonyModule } from '@roundtable/testimony';
import { AuthModule } from './auth/auth.module';
import { CampaignsController } from './campaigns/campaigns.controller';
import { PublicCampaignsController } from './campaigns/public-campaigns.controller';
import { EventCalendarController } from './events/event-calendar.controller';
import { EventsController } from './events/events.controller';
import { PublicEventsController } from './events/public-events.controller';
import { VenuesController } from './events/venues.controller';
import { HealthModule } from './health/health.module';
import { AnswerFloor } from './http/answer-floor';
import { throttling } from './http/throttling';
import { AuthController } from './auth/auth.controller';
import { UsersController } from './identity/users.controller';
import { PublicPasswordLinksController } from './identity/public-password-links.controller';
import { PublicPasswordResetsController } from './identity/public-password-resets.controller';
import { AccountPasswordController } from './identity/account-password.controller';
import { PartnersController } from './partners/partners.controller';
import { PublicPartnersController } from './partners/public-partners.controller';
import { AuditController } from './identity/audit.controller';
import { CaseworkController } from './testimonies/casework.controller';
import { TestimoniesController } from './testimonies/testimonies.controller';
import { PagesModule } from './pages/pages.module';
import { EventCohostsController } from './partners/event-cohosts.controller';
import {
  CohostRequestsController,
  PartnerCohostRequestsController,
} from './partners/cohost-requests.controller';
import {
  PartnerCalendarFeedController,
  PartnerFeedController,
} from './partners/partner-calendar-feed.controller';
import { PartnerEventsController } from './partners/partner-events.controller';
import { AccessTasksController } from './registrations/access-tasks.controller';
import { AttendanceController } from './registrations/attendance.controller';
import { EventRegistrationsController } from './registrations/event-registrations.controller';
import { StaffRegistrationsController } from './registrations/staff-registrations.controller';
import { InvitationsController } from './registrations/invitations.controller';
import { PublicRegistrationsController } from './registrations/public-registrations.controller';
import { PublicUnsubscribeController } from './registrations/public-unsubscribe.controller';
import { TestimonyReportsController } from './reports/testimony-reports.controller';
import { PublicThemesController } from './themes/public-themes.controller';
import { ThemesController } from './themes/themes.controller';
import { PublicTestimoniesController } from './testimonies/public-testimonies.controller';
import { StaffTestimonyEntryController } from './testimonies/staff-testimonies.controller';
import { TestimonyImportsController } from './testimony-imports/testimony-imports.controller';
import { SiteTextsController } from './site-texts/site-texts.controller';
import { SiteTextsModule } from './site-texts/site-texts.module';
import { RegistrationExportsController } from './registrations/registration-exports.controller';
import { RegistrationLists } from './registrations/registration-lists';
import { PublicReadCacheModule } from './http/public-read-cache/public-read-cache.module';

@Module({
  imports: [
    PlatformModule.forRoot(),
    throttling,
    AuthModule,
    EventsModule,
    CampaignsModule,
    RegistrationsModule,
    NotificationsModule,
    TestimonyModule,
    PartnersModule,
    HealthModule,
    PagesModule,
    SiteTextsModule,
    PublicReadCacheModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    VenuesController,
    EventsController,
    EventCalendarController,
    PublicEventsController,
    CampaignsController,
    PublicCampaignsController,
    PublicRegistrationsController,
    EventRegistrationsController,
    StaffRegistrationsController,
    AttendanceController,
    AccessTasksController,
    InvitationsController,
    PublicUnsubscribeController,
    ThemesController,
    PublicThemesController,
    TestimoniesController,
    CaseworkController,
    AuditController,
    PublicTestimoniesController,
    StaffTestimonyEntryController,
    TestimonyReportsController,
    TestimonyImportsController,
    PublicPartnersController,
    PartnersController,
    PublicPasswordLinksController,
    PublicPasswordResetsController,
    AccountPasswordController,
    EventCohostsController,
    CohostRequestsController,
    PartnerCohostRequestsController,
    SiteTextsController,
    RegistrationExportsController,
    PartnerEventsController,
    PartnerCalendarFeedController,
    PartnerFeedController,
  ],
  providers: [AdminBootstrap, AnswerFloor, RegistrationLists],
})
export class AppModule {}
