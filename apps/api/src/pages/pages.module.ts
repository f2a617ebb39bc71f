import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EventsModule } from '@roundtable/events';
import { NotificationsModule } from '@roundtable/notifications';
import { RegistrationsModule } from '@roundtable/registrations';
import { AnswerFloor } from '../http/answer-floor';
import { CsrfGuard } from './auth/csrf.guard';
import { CsrfMiddleware } from './auth/csrf.middleware';
import { PageCookies } from './auth/page-cookies';
import { SignInPagesController } from './auth/sign-in-pages.controller';
import { StaffPageGuard } from './auth/staff-page.guard';
import { PublicEventPagesController } from './events/public-event-pages.controller';
import { StaffEventPagesController } from './events/staff-event-pages.controller';
import { ManagePageHeaders } from './registrations/manage-page-headers.middleware';
import { ManageLinkPagesController } from './registrations/manage-link-pages.controller';
import { ManagePagesController } from './registrations/manage-pages.controller';
import { PublicRegistrationPagesController } from './registrations/public-registration-pages.controller';
import { RegistrationSummary } from './registrations/registration-summary';
import { StaffRegistrationPagesController } from './registrations/staff-registration-pages.controller';
import { AccessTaskPagesController } from './registrations/access-task-pages.controller';
import { CheckInPagesController } from './registrations/check-in-pages.controller';
import { InviteUploadMiddleware } from './registrations/invite-upload.middleware';
import { StaffInvitePagesController } from './registrations/staff-invite-pages.controller';
import { UnsubscribePagesController } from './registrations/unsubscribe-pages.controller';
import { StaffVenuePagesController } from './venues/staff-venue-pages.controller';

/**
 * The server-rendered web pages: staff sign-in, events and venues for staff, and the public
 * event pages. Sessions come from the global AuthModule (IdentityModule); the pages add a
 * cookie session and CSRF protection of their own, which the JSON API never accepts.
 */
@Module({
  imports: [EventsModule, RegistrationsModule, NotificationsModule],
  controllers: [
    SignInPagesController,
    StaffEventPagesController,
    StaffVenuePagesController,
    StaffInvitePagesController,
    PublicEventPagesController,
    PublicRegistrationPagesController,
    ManagePagesController,
    ManageLinkPagesController,
    StaffRegistrationPagesController,
    CheckInPagesController,
    AccessTaskPagesController,
    // No CSRF middleware or guard: mail providers post to it without cookies (see the controller).
    UnsubscribePagesController,
  ],
  providers: [PageCookies, CsrfGuard, StaffPageGuard, RegistrationSummary, AnswerFloor],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only pages with forms need a CSRF token; the public event pages set no cookies at all.
    consumer
      .apply(CsrfMiddleware)
      .forRoutes(
        SignInPagesController,
        StaffEventPagesController,
        StaffVenuePagesController,
        PublicRegistrationPagesController,
        ManagePagesController,
        ManageLinkPagesController,
        StaffRegistrationPagesController,
        CheckInPagesController,
        AccessTaskPagesController,
        StaffInvitePagesController,
      );
    // Every page under /manage/<token> (a private link's secret in the address): not indexed,
    // never sent on as a Referer, never cached.
    consumer.apply(ManagePageHeaders).forRoutes({ path: 'manage/*path', method: RequestMethod.ALL });
    // The invite form is multipart (it takes a CSV file): read before the CSRF guard looks at it.
    consumer
      .apply(InviteUploadMiddleware)
      .forRoutes({ path: 'staff/events/:id/invite', method: RequestMethod.POST });
  }
}
