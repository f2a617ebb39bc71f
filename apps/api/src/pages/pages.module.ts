import { AccountPasswordPagesController } from './account/account-password-pages.controller';
import { ForgotPasswordPagesController } from './password/forgot-password-pages.controller';
import { StaffUserPagesController } from './users/staff-user-pages.controller';
import { AdminPageGuard } from '../auth/pages/admin-page.guard';
import { AccountPageGuard } from '../auth/pages/account-page.guard';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CampaignsModule } from '@roundtable/campaigns';
import { EventsModule } from '@roundtable/events';
import { PartnersModule } from '@roundtable/partners';
import { NotificationsModule } from '@roundtable/notifications';
import { RegistrationsModule } from '@roundtable/registrations';
import { TestimonyModule } from '@roundtable/testimony';
import { CsrfGuard } from '../auth/pages/csrf.guard';
import { CsrfMiddleware } from '../auth/pages/csrf.middleware';
import { PageCookies } from '../auth/pages/page-cookies';
import { SignInPagesController } from '../auth/pages/sign-in-pages.controller';
import { PartnerPageGuard } from '../auth/pages/partner-page.guard';
import { StaffPageGuard } from '../auth/pages/staff-page.guard';
import { PartnerCohostPagesController } from './partners/partner-cohost-pages.controller';
import { StaffCohostPagesController } from './partners/staff-cohost-pages.controller';
import { AnswerFloor } from '../http/answer-floor';
import { PartnerPortalPagesController } from './partners/partner-portal-pages.controller';
import { PublicEventPagesController } from './events/public-event-pages.controller';
import { StaffEventPagesController } from './events/staff-event-pages.controller';
import { AccessTaskPagesController } from './registrations/access-needs/access-task-pages.controller';
import { CheckInPagesController } from './registrations/check-in/check-in-pages.controller';
import { OnBehalfPagesController } from './registrations/on-behalf/on-behalf-pages.controller';
import { InviteUploadMiddleware } from './registrations/invitations/invite-upload.middleware';
import { StaffInvitePagesController } from './registrations/invitations/staff-invite-pages.controller';
import { RegistrationSummary } from './registrations/lists/registration-summary';
import { StaffRegistrationPagesController } from './registrations/lists/staff-registration-pages.controller';
import { ManageLinkPagesController } from './registrations/manage-link/manage-link-pages.controller';
import { ManagePageHeaders } from './registrations/manage/manage-page-headers.middleware';
import { ManagePagesController } from './registrations/manage/manage-pages.controller';
import { PublicRegistrationPagesController } from './registrations/public/public-registration-pages.controller';
import { UnsubscribePagesController } from './registrations/unsubscribe/unsubscribe-pages.controller';
import { TestimonyReportPagesController } from './reports/testimony-report-pages.controller';
import { StaffVenuePagesController } from './venues/staff-venue-pages.controller';
import { PublicCampaignPagesController } from './campaigns/public-campaign-pages.controller';
import { PublicTestimonyPagesController } from './testimony/public-testimony-pages.controller';
import { ReceiptPagesController } from './testimony/receipt-pages.controller';
import { TestimonyContextReader } from './testimony/testimony-context';
import { TestimonySubmission } from './testimony/testimony-submission';
import { StaffAuditPagesController } from './testimonies/staff-audit-pages.controller';
import { StaffCaseworkPagesController } from './testimonies/staff-casework-pages.controller';
import { StaffTestimonyPagesController } from './testimonies/staff-testimony-pages.controller';
import { StaffImportPagesController } from './testimonies/imports/staff-import-pages.controller';
import { SurveyUploadPageMiddleware } from './testimonies/imports/survey-upload-page.middleware';
import { PartnerRegistrationPagesController } from './partners/partner-registration-pages.controller';
import { StaffPartnerPagesController } from './partners/staff-partner-pages.controller';
import { SetPasswordPagesController } from './password/set-password-pages.controller';
import { SiteTextsModule } from '../site-texts/site-texts.module';
import { RegistrationLists } from '../registrations/registration-lists';
import { RegistrationExportPagesController } from './registrations/exports/registration-export-pages.controller';
import {
  PublicSiteTextPagesController,
  StaffSiteTextPagesController,
} from './site-texts/site-text-pages.controller';

/**
 * The server-rendered web pages: staff sign-in, events and venues for staff, and the public
 * event pages. Sessions come from the global AuthModule (IdentityModule); the pages add a
 * cookie session and CSRF protection of their own (in ../auth/pages, beside the API's guards),
 * which the JSON API never accepts. A controller in pages/<path>/ renders templates under
 * views/pages/<path>/.
 */
@Module({
  imports: [
    EventsModule,
    RegistrationsModule,
    NotificationsModule,
    CampaignsModule,
    TestimonyModule,
    PartnersModule,
    SiteTextsModule,
  ],
  controllers: [
    SignInPagesController,
    // Before SetPasswordPagesController, so /password/forgot is not read as a link's token.
    ForgotPasswordPagesController,
    AccountPasswordPagesController,
    StaffUserPagesController,
    StaffEventPagesController,
    StaffVenuePagesController,
    StaffInvitePagesController,
    PublicEventPagesController,
    PublicRegistrationPagesController,
    ManagePagesController,
    ManageLinkPagesController,
    StaffRegistrationPagesController,
    CheckInPagesController,
    OnBehalfPagesController,
    AccessTaskPagesController,
    TestimonyReportPagesController,
    StaffTestimonyPagesController,
    StaffCaseworkPagesController,
    StaffAuditPagesController,
    // No CSRF middleware or guard: mail providers post to it without cookies (see the controller).
    UnsubscribePagesController,
    PublicCampaignPagesController,
    PublicTestimonyPagesController,
    ReceiptPagesController,
    StaffImportPagesController,
    PartnerRegistrationPagesController,
    StaffPartnerPagesController,
    SetPasswordPagesController,
    StaffCohostPagesController,
    PartnerCohostPagesController,
    PublicSiteTextPagesController,
    StaffSiteTextPagesController,
    RegistrationExportPagesController,
    PartnerPortalPagesController,
  ],
  providers: [
    RegistrationLists,
    PageCookies,
    CsrfGuard,
    StaffPageGuard,
    PartnerPageGuard,
    AdminPageGuard,
    AccountPageGuard,
    RegistrationSummary,
    AnswerFloor,
    TestimonyContextReader,
    TestimonySubmission,
  ],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only pages with forms need a CSRF token; the public event pages set no cookies at all.
    consumer
      .apply(CsrfMiddleware)
      .forRoutes(
        SignInPagesController,
        ForgotPasswordPagesController,
        AccountPasswordPagesController,
        StaffUserPagesController,
        StaffEventPagesController,
        StaffVenuePagesController,
        PublicRegistrationPagesController,
        ManagePagesController,
        ManageLinkPagesController,
        StaffRegistrationPagesController,
        CheckInPagesController,
        OnBehalfPagesController,
        AccessTaskPagesController,
        StaffInvitePagesController,
        TestimonyReportPagesController,
        PublicTestimonyPagesController,
        ReceiptPagesController,
        StaffTestimonyPagesController,
        StaffImportPagesController,
        PartnerRegistrationPagesController,
        StaffPartnerPagesController,
        SetPasswordPagesController,
        StaffCohostPagesController,
        PartnerCohostPagesController,
        StaffSiteTextPagesController,
        RegistrationExportPagesController,
        PartnerPortalPagesController,
      );
    // Every page under /manage/<token> (a private link's secret in the address): not indexed,
    // never sent on as a Referer, never cached.
    consumer.apply(ManagePageHeaders).forRoutes({ path: 'manage/*path', method: RequestMethod.ALL });
    // The same for a testimony's receipt pages (its private link), and for the form, whose
    // address may carry a registration's manage link.
    consumer.apply(ManagePageHeaders).forRoutes(
      { path: 'testimony/receipt/*path', method: RequestMethod.ALL },
      { path: 'testimony/new', method: RequestMethod.ALL },
      // A set-password link's secret is in its address too.
      { path: 'password/*path', method: RequestMethod.ALL },
    );
    // The invite form is multipart (it takes a CSV file): read before the CSRF guard looks at it.
    consumer
      .apply(InviteUploadMiddleware)
      .forRoutes({ path: 'staff/events/:id/invite', method: RequestMethod.POST });
    // The survey upload is multipart too.
    consumer
      .apply(SurveyUploadPageMiddleware)
      .forRoutes({ path: 'staff/testimony-imports/new', method: RequestMethod.POST });
  }
}
