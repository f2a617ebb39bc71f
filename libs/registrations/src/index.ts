export { AccessTask } from './access-task.entity';
export {
  ACCESS_NEEDS,
  ACCESS_NEED_VALUES,
  accessNeedLabel,
  planAccessNeeds,
  type AccessNeed,
} from './access-needs';
export { ACCESS_TASK_LEAD_DAYS } from './access-tasks.planner';
export { RegisterDto, UpdateRegistrationDto } from './dto/registration.dto';
export { EventAnnouncementsService } from './event-announcements.service';
export { Registration } from './registration.entity';
export {
  ATTENDEE_ROLES,
  ATTENDEE_ROLE_VALUES,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from './registration-status';
export { toRegistrationView, type RegistrationView } from './registration.view';
export { RegistrationsModule } from './registrations.module';
export { RegistrationsRepository } from './registrations.repository';
export { RegistrationsService, type Registered } from './registrations.service';
