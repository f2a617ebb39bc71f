import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EventsModule } from '@roundtable/events';
import { RegistrationsModule } from '@roundtable/registrations';
import { CsrfGuard } from './auth/csrf.guard';
import { CsrfMiddleware } from './auth/csrf.middleware';
import { PageCookies } from './auth/page-cookies';
import { SignInPagesController } from './auth/sign-in-pages.controller';
import { StaffPageGuard } from './auth/staff-page.guard';
import { PublicEventPagesController } from './events/public-event-pages.controller';
import { StaffEventPagesController } from './events/staff-event-pages.controller';
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
  imports: [EventsModule, RegistrationsModule],
  controllers: [
    SignInPagesController,
    StaffEventPagesController,
    StaffVenuePagesController,
    StaffInvitePagesController,
    PublicEventPagesController,
    // No CSRF middleware or guard: mail providers post to it without cookies (see the controller).
    UnsubscribePagesController,
  ],
  providers: [PageCookies, CsrfGuard, StaffPageGuard],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only pages with forms need a CSRF token; the public pages set no cookies at all.
    consumer
      .apply(CsrfMiddleware)
      .forRoutes(
        SignInPagesController,
        StaffEventPagesController,
        StaffVenuePagesController,
        StaffInvitePagesController,
      );
    // The invite form is multipart (it takes a CSV file): read before the CSRF guard looks at it.
    consumer
      .apply(InviteUploadMiddleware)
      .forRoutes({ path: 'staff/events/:id/invite', method: RequestMethod.POST });
  }
}
