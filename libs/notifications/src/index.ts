export {
  buildInviteCalendar,
  type InviteCalendarInput,
  type InviteMethod,
  type InvitePartstat,
} from './calendar/invite-calendar';
export { inviteUid } from './calendar/invite-uid';
export { eventSnapshot, type EventSnapshot, type Person, type VenueSnapshot } from './event-snapshot';
export { DKIM_HEADER_FIELD_NAMES, DKIM_SIGNED_HEADERS } from './mail/dkim-header-fields';
export { toMailOptions, type MailEnvelope } from './mail/mail-options';
export { MailSendError, withoutAddresses } from './mail/mail-send-error';
export { mailTransportOptions, type DkimKey } from './mail/mail-transport-options';
export { MailTransport } from './mail/mail-transport.service';
export {
  accessTasksLateMessage,
  type AccessTasksLateInput,
  type LateAccessTask,
} from './messages/access-tasks-late.message';
export {
  accessNeedArrangedMessage,
  type AccessNeedArrangedInput,
} from './messages/access-need-arranged.message';
export { eventCancelledMessage, type EventCancelledInput } from './messages/event-cancelled.message';
export { eventUpdatedMessage, type EventUpdatedInput } from './messages/event-updated.message';
export { invitationMessage, type InvitationInput } from './messages/invitation.message';
export {
  manageLinkMessage,
  type ManageLinkInput,
  type ManageLinkStanding,
} from './messages/manage-link.message';
export type { InviteInput, JoinInput, Message, MessageInput, Office } from './messages/message';
export {
  officeFromConfig,
  officeFromSettings,
  telHref,
  type OfficeSettings,
} from './office/office-from-settings';
export {
  registrationConfirmationMessage,
  type RegistrationConfirmationInput,
} from './messages/registration-confirmation.message';
export {
  registrationCancelledMessage,
  type RegistrationCancelledInput,
} from './messages/registration-cancelled.message';
export { reminderMessage, type ReminderInput } from './messages/reminder.message';
export { offsetInWords, reminderPhrase } from './messages/reminder-phrase';
export { waitlistPromotedMessage, type WaitlistPromotedInput } from './messages/waitlist-promoted.message';
export { waitlistedMessage, type WaitlistedInput } from './messages/waitlisted.message';
export {
  Notification,
  NOTIFICATION_STATUSES,
  type NotificationPayload,
  type NotificationStatus,
} from './ledger/notification.entity';
export {
  ALERT_LATE_ACCESS_TASKS_EVERY_MS,
  NOTIFICATION_JOBS,
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_WORKER_OPTIONS,
  SEND_ATTEMPTS,
  SEND_JOB_OPTIONS,
  SWEEP_EVERY_MS,
  SWEEP_POLICY,
  type AlertLateAccessTasksJob,
  type NotificationJobName,
  type SendNotificationJob,
  type SweepNotificationsJob,
  type SweepPolicy,
} from './ledger/notification-jobs';
export { NotificationJobPolicy } from './ledger/notification-job-policy';
export {
  isStaffNotificationKind,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_VALUES,
  STAFF_NOTIFICATION_KINDS,
  TESTIMONY_NOTIFICATION_KINDS,
  COHOST_NOTIFICATION_KINDS,
  type CohostNotificationKind,
  type AttendeeNotificationKind,
  type TestimonyNotificationKind,
  type NotificationKind,
  type StaffNotificationKind,
} from './ledger/notification-kinds';
export {
  PayloadError,
  previousEventFromPayload,
  previousEventPayload,
  type PreviousEvent,
  previousCohostsFromPayload,
} from './ledger/notification-payloads';
export {
  NotificationLedger,
  type ClaimedNotification,
  type SentNotification,
  type ClaimJoin,
  type DueNotification,
  type PendingNotification,
  type PlannedRecord,
  type PlannedRow,
} from './ledger/notification-ledger';
export { NotificationOutbox } from './ledger/notification-outbox';
export {
  plannedSubject,
  type PlannedEventNotification,
  type PlannedNotification,
  type PlannedSubjectNotification,
} from './ledger/planned-notification';
export { NotificationsModule } from './notifications.module';
export {
  NOTIFICATION_REGISTRY,
  notificationKindEntry,
  parsePayload,
  type NotificationKindEntry,
  type RegistrationKindEntry,
  type RegistrationMessageContext,
  type StaffKindEntry,
  type StaffMessageContext,
  type TestimonyKindEntry,
  type TestimonyMessageContext,
  type CohostKindEntry,
  type CohostMessageContext,
} from './registry/notification-registry';
export { whyNotCurrent } from './registry/notification-currency';
export {
  preparersByAudience,
  type NotificationAudience,
  type NotificationPreparer,
  type PreparedNotification,
} from './registry/notification-preparer';
export { safeguardingAlertMessage, type SafeguardingAlertInput } from './messages/safeguarding-alert.message';
export { testimonyReceiptMessage, type TestimonyReceiptInput } from './messages/testimony-receipt.message';
export {
  ACCOUNT_NOTIFICATION_KINDS,
  PARTNER_NOTIFICATION_KINDS,
  type AccountNotificationKind,
  type PartnerNotificationKind,
} from './ledger/notification-kinds';
export type {
  AccountKindEntry,
  AccountMessageContext,
  PartnerKindEntry,
  PartnerMessageContext,
  PasswordLinkContext,
} from './registry/notification-registry';
export {
  partnerApprovedMessage,
  partnerRegisteredMessage,
  partnerRejectedMessage,
  passwordLinkMessage,
  type PartnerFacts,
} from './messages/partner-messages';
export {
  cohostAcceptedMessage,
  cohostDeclinedMessage,
  cohostRequestedMessage,
  type CohostRequestMessageInput,
} from './messages/cohosting/cohost-request-messages';
