import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@roundtable/events';
import { NotificationsModule } from '@roundtable/notifications';
import { AccessTask } from './access-task.entity';
import { AccessTasksPlanner } from './access-tasks.planner';
import { EventAnnouncementsService } from './event-announcements.service';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration, AccessTask]), NotificationsModule, EventsModule],
  providers: [RegistrationsRepository, RegistrationsService, AccessTasksPlanner, EventAnnouncementsService],
  exports: [RegistrationsService, RegistrationsRepository, EventAnnouncementsService],
})
export class RegistrationsModule {}
