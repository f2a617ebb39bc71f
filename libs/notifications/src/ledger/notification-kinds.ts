/**
 * Every kind of message the ledger records. The planner writes these names; what each one means
 * (its payload, whom it is for, its builder) is its entry in registry/notification-registry.ts,
 * whose header says how to add a kind.
 */
export const NOTIFICATION_KINDS = {
  invitation: 'invitation',
  confirmation: 'confirmation',
  waitlisted: 'waitlisted',
  /** A place came up for someone on the waiting list. */
  promoted: 'promoted',
  /** The event moved in time or place. */
  update: 'update',
  cancellation: 'cancellation',
  /** Someone gave up their own place: their calendar item is cancelled. */
  registrationCancelled: 'registration-cancelled',
  reminder: 'reminder',
  accessArranged: 'access-arranged',
  /**
   * "Here is your link again", to an address that already has a registration for the event:
   * someone registered it again, or asked for its link. Changes nothing; counted for the limits.
   */
  manageLink: 'manage-link',
  /** To staff, not an attendee: an event's access needs are past their due date, unarranged. */
  accessTasksLate: 'access-tasks-late',
  /** To a testimony's author (when they gave an email): thanks, and their private receipt link. */
  testimonyReceipt: 'testimony-receipt',
  /** To the safeguarding lead: a testimony was flagged. Its id and a staff link, never its words. */
  safeguardingAlert: 'safeguarding-alert',
  /** To each active member of staff: an organisation registered as a partner and waits for a decision. */
  partnerRegistered: 'partner-registered',
  /** To a partner's contact: approved, with their single-use link to set a password. */
  partnerApproved: 'partner-approved',
  /** To a partner's contact: not approved, with the reason. */
  partnerRejected: 'partner-rejected',
  /** To a user (subject 'staff', the user's id): their single-use link to set a password. */
  passwordLink: 'password-link',
  /** To staff: a partner asked to co-host an event. */
  cohostRequested: 'cohost-requested',
  /** To the partner's users: staff accepted their request; they now co-host the event. */
  cohostAccepted: 'cohost-accepted',
  /** To the partner's users: staff declined their request, with the reason when one was given. */
  cohostDeclined: 'cohost-declined',
} as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[keyof typeof NOTIFICATION_KINDS];

export const NOTIFICATION_KIND_VALUES: readonly NotificationKind[] = Object.values(NOTIFICATION_KINDS);

/**
 * Kinds sent to the office's staff rather than to someone registered: they have no registration
 * (registrationId is null), and the worker checks them against the event alone.
 */
export const STAFF_NOTIFICATION_KINDS = [NOTIFICATION_KINDS.accessTasksLate] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];
export type AttendeeNotificationKind = Exclude<
  NotificationKind,
  | StaffNotificationKind
  | TestimonyNotificationKind
  | PartnerNotificationKind
  | AccountNotificationKind
  | CohostNotificationKind
>;

/** Kinds about a testimony (subject_type 'testimony'): no event, no registration. */
export const TESTIMONY_NOTIFICATION_KINDS = [
  NOTIFICATION_KINDS.testimonyReceipt,
  NOTIFICATION_KINDS.safeguardingAlert,
] as const;
export type TestimonyNotificationKind = (typeof TESTIMONY_NOTIFICATION_KINDS)[number];

/** Kinds about a partner organisation (subject_type 'partner'): its registration and the decision. */
export const PARTNER_NOTIFICATION_KINDS = [
  NOTIFICATION_KINDS.partnerRegistered,
  NOTIFICATION_KINDS.partnerApproved,
  NOTIFICATION_KINDS.partnerRejected,
] as const;
export type PartnerNotificationKind = (typeof PARTNER_NOTIFICATION_KINDS)[number];

/** Kinds about a user's account (subject_type 'staff', the user's id): set-password links. */
export const ACCOUNT_NOTIFICATION_KINDS = [NOTIFICATION_KINDS.passwordLink] as const;
export type AccountNotificationKind = (typeof ACCOUNT_NOTIFICATION_KINDS)[number];

export function isStaffNotificationKind(kind: string): kind is StaffNotificationKind {
  return (STAFF_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** Kinds about a co-host request (subject_type 'partner', subject_id the partner): no event row. */
export const COHOST_NOTIFICATION_KINDS = [
  NOTIFICATION_KINDS.cohostRequested,
  NOTIFICATION_KINDS.cohostAccepted,
  NOTIFICATION_KINDS.cohostDeclined,
] as const;
export type CohostNotificationKind = (typeof COHOST_NOTIFICATION_KINDS)[number];
