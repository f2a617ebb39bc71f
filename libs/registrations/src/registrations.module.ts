import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@roundtable/notifications';
import { AccessTask } from './access-task.entity';
import { AccessTasksPlanner } from './access-tasks.planner';
import { InvitationSuppression } from './invitations/invitation-suppression.entity';
import { InvitationSuppressionsRepository } from './invitations/invitation-suppressions.repository';
import { InvitationsService } from './invitations/invitations.service';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration, AccessTask, InvitationSuppression]), NotificationsModule],
  providers: [
    RegistrationsRepository,
    RegistrationsService,
    AccessTasksPlanner,
    InvitationSuppressionsRepository,
    InvitationsService,
  ],
  exports: [
    RegistrationsService,
    RegistrationsRepository,
    InvitationSuppressionsRepository,
    InvitationsService,
  ],
})
export class RegistrationsModule {}
