import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@roundtable/notifications';
import { AccessTask } from './access-task.entity';
import { AccessTasksPlanner } from './access-tasks.planner';
import { AccessTasksRepository } from './access-tasks/access-tasks.repository';
import { AccessTasksService } from './access-tasks/access-tasks.service';
import { AttendanceService } from './attendance/attendance.service';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration, AccessTask]), NotificationsModule],
  providers: [
    RegistrationsRepository,
    RegistrationsService,
    AccessTasksPlanner,
    AccessTasksRepository,
    AccessTasksService,
    AttendanceService,
  ],
  exports: [
    RegistrationsService,
    RegistrationsRepository,
    AccessTasksRepository,
    AccessTasksService,
    AttendanceService,
  ],
})
export class RegistrationsModule {}
