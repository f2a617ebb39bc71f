export { AccessTask } from './access-tasks/access-task.entity';
export {
  ACCESS_NEEDS,
  ACCESS_NEED_VALUES,
  accessNeedLabel,
  accessNeedsFor,
  needsThatDoNotFit,
  planAccessNeeds,
  type AccessNeed,
} from './access-tasks/access-needs';
export { ACCESS_TASK_LEAD_DAYS, accessTaskDueAt } from './access-tasks/access-task-rules';
export { arrangedPhrase } from './access-tasks/access-need-phrases';
export { isLate } from './access-tasks/access-task-rules';
export { toAccessTaskView, type AccessTaskView } from './access-tasks/access-task.view';
export { AccessTasksRepository } from './access-tasks/access-tasks.repository';
export { AccessTasksService, type Arranged } from './access-tasks/access-tasks.service';
export { attendanceOpensAt } from './attendance/attendance-window';
export { AttendanceService, type AttendanceCounts } from './attendance/attendance.service';
export {
  AccessNeedsDoNotFit,
  AccessTaskCancelled,
  AccessTaskNotFound,
  AddressAlreadyHasRegistration,
  AttendanceNotOffered,
  AttendanceRequired,
  PartyDoesNotFit,
  AlreadyAttended,
  AlreadyRegistered,
  AttendanceNotOpenYet,
  EventNotOpen,
  InvitationLinkNotFound,
  InvitationPreviewGone,
  NoOneToArrangeFor,
  NotAttended,
  RegistrationLinkNotFound,
  RegistrationNotInEvent,
} from './errors';
export { ArrangeAccessTaskDto } from './dto/arrange-access-task.dto';
export { MarkAttendanceDto } from './dto/attendance.dto';
export { RegisterDto, UpdateRegistrationDto } from './dto/registration.dto';
export { WalkInDto } from './dto/walk-in.dto';
export { ManageLinkRequestDto } from './dto/manage-link-request.dto';
export { EventAnnouncementsService } from './event-announcements.service';
export { Registration } from './registrations/registration.entity';
export {
  ATTENDANCES,
  ATTENDANCE_VALUES,
  attendanceAt,
  getsJoiningLink,
  impliedAttendance,
  MAX_COMPANIONS,
  placesFor,
  type Attendance,
} from './registrations/party';
export { isPhoneNumber, PHONE_MAX, PHONE_PATTERN } from './registrations/phone-number';
export {
  ATTENDEE_ROLES,
  ATTENDEE_ROLE_VALUES,
  REGISTERED_VIA,
  REGISTRATION_STATUSES,
  type RegisteredVia,
  type RegistrationStatus,
} from './registrations/registration-status';
export { toRegistrationView, type RegistrationView } from './registrations/registration.view';
export { RegistrationsModule } from './registrations.module';
export { RegistrationsRepository, type EventGlance } from './registrations/registrations.repository';
export { BookingEvents } from './registrations/booking-events';
export { ADDRESS_LOCK_NAMESPACE, addressLockSql } from './manage-links/address-lock';
export {
  RegistrationsService,
  type Registered,
  type RegisterOptions,
} from './registrations/registrations.service';
export { StaffRegistrations, type WalkInRecorded } from './registrations/staff-registrations.service';
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
export {
  InvitationsService,
  type InvitationCounts,
  type InviteOptions,
} from './invitations/invitations.service';
export {
  InvitationPreviews,
  PREVIEW_TTL_SECONDS,
  type InvitationPreview,
  type InvitationPreviewCounts,
  type KeptPreview,
  type PreviewOptions,
} from './invitations/invitation-previews.service';
export { SAMPLE_LINK_TOKEN, type InvitationSample } from './invitations/invitation-sample';
export { InviteContactsDto, InviteContactDto } from './dto/invite-contacts.dto';
export {
  ManageLinkKeys,
  UnknownLinkKeyError,
  type LinkSeed,
  type NewLinkSeed,
} from './manage-links/manage-link-keys';
export { ManageLinks } from './manage-links/manage-links.service';
export { ManageLinkRequests } from './manage-links/manage-link-requests.service';
export { PartnerContactConsents, type ConsentPartner } from './partner-consents/partner-contact-consents';
