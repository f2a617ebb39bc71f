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
export { addressHash } from './invitations/address-hash';
export {
  checkContacts,
  MAX_CONTACTS_PER_REQUEST,
  type CheckedContacts,
  type Contact,
} from './invitations/invitation-contacts';
export {
  InvitationSuppression,
  SUPPRESSION_SOURCES,
  type SuppressionSource,
} from './invitations/invitation-suppression.entity';
export { InvitationSuppressionsRepository } from './invitations/invitation-suppressions.repository';
export { InvitationsService, type InvitationCounts } from './invitations/invitations.service';
export { InviteContactsDto, InviteContactDto } from './dto/invite-contacts.dto';
