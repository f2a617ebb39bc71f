import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@roundtable/notifications';
import { AccessTask } from './access-task.entity';
import { AccessTasksPlanner } from './access-tasks.planner';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration, AccessTask]), NotificationsModule],
  providers: [RegistrationsRepository, RegistrationsService, AccessTasksPlanner],
  exports: [RegistrationsService, RegistrationsRepository],
})
export class RegistrationsModule {}
