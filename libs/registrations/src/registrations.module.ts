import { PartnerContactConsents } from './partner-consents/partner-contact-consents';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@roundtable/events';
import { IdentityModule } from '@roundtable/identity';
import { NotificationsModule } from '@roundtable/notifications';
import { AccessTask } from './access-tasks/access-task.entity';
import { AccessTasksPlanner } from './access-tasks/access-tasks.planner';
import { AccessTasksRepository } from './access-tasks/access-tasks.repository';
import { AccessTasksService } from './access-tasks/access-tasks.service';
import { AttendanceService } from './attendance/attendance.service';
import { EventAnnouncementsService } from './event-announcements.service';
import { InvitationSuppression } from './invitations/invitation-suppression.entity';
import { InvitationSuppressionsRepository } from './invitations/invitation-suppressions.repository';
import { InvitationPreviews } from './invitations/invitation-previews.service';
import { InvitationsService } from './invitations/invitations.service';
import { ManageLinkRequests } from './manage-links/manage-link-requests.service';
import { ManageLinkKeys } from './manage-links/manage-link-keys';
import { manageLinkKeysProvider } from './manage-links/manage-link-keys.provider';
import { ManageLinks } from './manage-links/manage-links.service';
import { BookingEvents } from './registrations/booking-events';
import { Registration } from './registrations/registration.entity';
import { RegistrationsRepository } from './registrations/registrations.repository';
import { RegistrationsService } from './registrations/registrations.service';
import { StaffRegistrations } from './registrations/staff-registrations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Registration, AccessTask, InvitationSuppression]),
    NotificationsModule,
    EventsModule,
    IdentityModule,
  ],
  providers: [
    BookingEvents,
    RegistrationsRepository,
    RegistrationsService,
    StaffRegistrations,
    AccessTasksPlanner,
    AccessTasksRepository,
    AccessTasksService,
    AttendanceService,
    EventAnnouncementsService,
    InvitationSuppressionsRepository,
    InvitationsService,
    InvitationPreviews,
    manageLinkKeysProvider,
    ManageLinks,
    ManageLinkRequests,
    PartnerContactConsents,
  ],
  exports: [
    ManageLinkKeys,
    ManageLinks,
    ManageLinkRequests,
    RegistrationsService,
    StaffRegistrations,
    RegistrationsRepository,
    AccessTasksRepository,
    AccessTasksService,
    AttendanceService,
    EventAnnouncementsService,
    InvitationSuppressionsRepository,
    InvitationsService,
    InvitationPreviews,
    PartnerContactConsents,
  ],
})
export class RegistrationsModule {}
