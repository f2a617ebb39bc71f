/**
 * One entry per kind of message: what its payload holds, what it is about, whom it is for and
 * when it is still current, and how it is built. The worker claims a row, asks this
 * registry, and sends; it knows no kind by name.
 *
 * ## How to add a kind of message
 *
 * For an audience that exists (`registration`: someone registered for an event; `staff`: the
 * office, about an event):
 *
 * 1. Name it in NOTIFICATION_KINDS (ledger/notification-kinds.ts).
 * 2. Write its builder in messages/ (a pure function from its input to a `Message`, with a spec).
 * 3. Add its one entry below: `subjectType`, `audience`, a zod `payload` schema (a row whose
 *    payload does not fit fails with a PayloadError, never a retry), for a registration the
 *    `forStatuses` and event status (`whileEvent`) it is still current for, whether it
 *    `carriesManageLink` and `skipsUnsubscribed`, and `build`.
 * 4. Plan it from its domain: the service that makes the change writes the ledger row in the same
 *    transaction (NotificationLedger.plan), as RegistrationsService and EventAnnouncementsService
 *    in libs/registrations do.
 *
 * The worker needs nothing more: it sends the kind with the preparer of its audience.
 * TypeScript refuses a kind without an entry (the registry is a Record over every kind), and
 * notification-registry.spec.ts checks each entry against its kind.
 *
 * For a new audience (a partner's contact, a testimony's author), also:
 *
 * 5. Here, its entry type (`audience: 'partner'`, the `subjectType` it is about, and `build` from
 *    its own context type, e.g. a `PartnerMessageContext`), joined to NotificationKindEntry.
 * 6. One preparer in apps/worker/src/notifications/preparers/, a class implementing
 *    `NotificationPreparer<'partner'>` (notification-preparer.ts): it reads the subject as it is
 *    now, returns `{ stale: reason }` when the row no longer stands or `{ build }` (the entry's
 *    `build`, then NotificationRenderer.render), and throws a PayloadError when the row can never
 *    make a message. whyNotCurrent (notification-currency.ts) is for the registration and staff
 *    audiences only: a new audience's preparer says itself when its rows are stale.
 * 7. Register it in one place: the NOTIFICATION_PREPARERS provider of
 *    apps/worker/src/notifications/notifications-worker.module.ts. The worker refuses to start
 *    unless every audience an entry names has exactly one preparer, reading the subject that
 *    entry is about (preparersByAudience).
 */
import { z } from 'zod';
import type { EventSnapshot } from '../event-snapshot';
import type { NotificationKind } from '../ledger/notification-kinds';
import type { NotificationPayload, NotificationSubjectType } from '../ledger/notification.entity';
import {
  PayloadError,
  previousCohostsFromPayload,
  previousEventFromPayload,
} from '../ledger/notification-payloads';
import {
  cohostAcceptedMessage,
  cohostDeclinedMessage,
  cohostRequestedMessage,
} from '../messages/cohosting/cohost-request-messages';
import { accessNeedArrangedMessage } from '../messages/access-need-arranged.message';
import { accessTasksLateMessage } from '../messages/access-tasks-late.message';
import { eventCancelledMessage } from '../messages/event-cancelled.message';
import { eventUpdatedMessage } from '../messages/event-updated.message';
import { invitationMessage } from '../messages/invitation.message';
import { manageLinkMessage, type ManageLinkStanding } from '../messages/manage-link.message';
import type { InviteInput, JoinInput, Message, MessageInput, Office } from '../messages/message';
import { registrationCancelledMessage } from '../messages/registration-cancelled.message';
import { registrationConfirmationMessage } from '../messages/registration-confirmation.message';
import { reminderMessage } from '../messages/reminder.message';
import { safeguardingAlertMessage } from '../messages/safeguarding-alert.message';
import { testimonyReceiptMessage } from '../messages/testimony-receipt.message';
import {
  partnerApprovedMessage,
  partnerRegisteredMessage,
  partnerRejectedMessage,
  passwordLinkMessage,
  type PartnerFacts,
} from '../messages/partner-messages';
import { waitlistPromotedMessage } from '../messages/waitlist-promoted.message';
import { waitlistedMessage } from '../messages/waitlisted.message';

/**
 * What the worker hands the builder of a message to someone registered: the event and their
 * registration as they are when it is sent. `registration.status` is a RegistrationStatus of
 * libs/registrations (which this library does not import: the worker checks they agree).
 */
export interface RegistrationMessageContext {
  base: MessageInput;
  invite: InviteInput;
  /** The joining link, for people with a place at an online event. */
  join: JoinInput;
  /** Present when the message carries the person's link (see `carriesManageLink`). */
  invitationLinks?: { acceptUrl: string; declineUrl: string; unsubscribeUrl: string };
  registration: { status: string; accessNeedLabels: readonly string[] };
  eventCancelReason: string | null;
  /** The co-hosting partner whose user invited the person, by name; absent when staff did. */
  invitedBy?: string | null;
}

/** What the worker hands the builder of a message to the office's staff about an event. */
export interface StaffMessageContext {
  event: EventSnapshot;
  office: Office;
  staffEventUrl: string;
  /** The late tasks the row names that are still open when it is sent. */
  openTasks: ReadonlyArray<{ needLabel: string; dueAt: Date }>;
}

/**
 * What the worker hands the builder of a message about a testimony: the office, the links, and
 * the campaign's wording, read as the testimony is when it is sent. Never what anyone wrote.
 */
export interface TestimonyMessageContext {
  office: Office;
  testimonyId: string;
  /** The author's private receipt link (present for a receipt). */
  receiptUrl?: string;
  /** The staff page of the testimony, behind sign-in. */
  staffTestimonyUrl: string;
  campaign: { title: string; evidenceUse: string } | null;
}

/** A set-password link as the worker rebuilt it from the row's nonce and key id. */
export interface PasswordLinkContext {
  url: string;
  expiresAt: Date;
  purpose: 'welcome' | 'reset';
}

/**
 * What the worker hands the builder of a message about a co-host request: the request, its
 * partner and its event as they are when it is sent, and the pages to answer or see it.
 */
export interface CohostMessageContext {
  office: Office;
  partnerName: string;
  event: { title: string; startsAt: Date; endsAt: Date };
  /** The partner's message to staff. */
  message: string;
  declineReason: string | null;
  /** Staff's queue of co-host requests, behind sign-in. */
  staffRequestsUrl: string;
  /** The partner's own list of requests, behind sign-in. */
  partnerRequestsUrl: string;
}

/**
 * What the worker hands the builder of a message about a partner organisation: the organisation
 * as it is when sent, and (for an approval) the contact's set-password link.
 */
export interface PartnerMessageContext {
  office: Office;
  partner: PartnerFacts;
  staffPartnerUrl: string;
  signInUrl: string;
  passwordLink?: PasswordLinkContext;
}

/** What the worker hands the builder of a message about a user's account. */
export interface AccountMessageContext {
  office: Office;
  user: { name: string };
  partnerName: string | null;
  signInUrl: string;
  passwordLink: PasswordLinkContext;
}

interface EntryBase<S extends z.ZodTypeAny> {
  kind: NotificationKind;
  subjectType: NotificationSubjectType;
  payload: S;
  /** The PayloadError's message when the payload does not fit. */
  payloadNeeds: string;
  /**
   * What a reschedule (the event's SEQUENCE raised) does to a pending row of this kind:
   * `planned-afresh`, superseded, and the change plans what each person needs now;
   * `again`, superseded and planned again as it was at the new sequence (still needed);
   * `kept`, not superseded at all (a staff alert is about the event, not its time).
   */
  onReschedule: 'planned-afresh' | 'again' | 'kept';
}

/** A message to one registration, current while its status is one of `forStatuses`. */
export interface RegistrationKindEntry<S extends z.ZodTypeAny = z.ZodTypeAny> extends EntryBase<S> {
  audience: 'registration';
  forStatuses: readonly string[];
  /** The event's status it is sent in: its cancellation while cancelled, all else while published. */
  whileEvent: 'published' | 'cancelled';
  /** Whether it offers the person's own page: the worker derives their link only then. */
  carriesManageLink: boolean;
  /**
   * The statuses for which this is the first message a person is sent about the event. While it
   * is still pending when the event moves, they have not heard of the event at all: it is
   * planned again at the new sequence (it reads the event when sent) instead of an `update`.
   */
  firstMessageFor?: readonly string[];
  /** Whether someone who unsubscribed is still sent it (only invitations are marketing). */
  skipsUnsubscribed: boolean;
  build(context: RegistrationMessageContext, payload: z.output<S>): Message;
}

/** A message to staff: no registration, and a reschedule does not make it stale. */
export interface StaffKindEntry<S extends z.ZodTypeAny = z.ZodTypeAny> extends EntryBase<S> {
  audience: 'staff';
  build(context: StaffMessageContext, payload: z.output<S>): Message;
}

/**
 * A message about a testimony (subject_type 'testimony'): the author's receipt, or the
 * safeguarding lead's alert. Its preparer reads the testimony and says when it is erased.
 */
export interface TestimonyKindEntry<S extends z.ZodTypeAny = z.ZodTypeAny> extends EntryBase<S> {
  audience: 'testimony';
  /** Whether it goes to the author (their sealed address, opened when sent) or to row.recipientEmail. */
  toAuthor: boolean;
  build(context: TestimonyMessageContext, payload: z.output<S>): Message;
}

/**
 * A message about a partner organisation (subject_type 'partner'): to staff when it registers, to
 * its contact when it is decided. Current only while the partner has `whilePartner` status.
 */
export interface PartnerKindEntry<S extends z.ZodTypeAny = z.ZodTypeAny> extends EntryBase<S> {
  audience: 'partner';
  whilePartner: 'pending' | 'approved' | 'rejected';
  build(context: PartnerMessageContext, payload: z.output<S>): Message;
}

/**
 * A message about a user's account (subject_type 'staff', subject_id the user's id): a
 * set-password link, stale once the link is used or expired or the user deactivated.
 */
export interface AccountKindEntry<S extends z.ZodTypeAny = z.ZodTypeAny> extends EntryBase<S> {
  audience: 'account';
  build(context: AccountMessageContext, payload: z.output<S>): Message;
}

/**
 * A message about a partner's co-host request (subject_type 'partner', subject_id the partner,
 * payload.cohostRequestId the request): to staff when asked, to the partner's users when answered.
 * Its preparer reads the request and says when it no longer stands.
 */
export interface CohostKindEntry<S extends z.ZodTypeAny = z.ZodTypeAny> extends EntryBase<S> {
  audience: 'cohost';
  /** The request's status while the message still stands. */
  whileRequest: 'pending' | 'accepted' | 'declined';
  /** Whether it goes to staff (admins and organisers) or to the partner's users. */
  toStaff: boolean;
  build(context: CohostMessageContext, payload: z.output<S>): Message;
}

export type NotificationKindEntry =
  | RegistrationKindEntry
  | StaffKindEntry
  | TestimonyKindEntry
  | PartnerKindEntry
  | AccountKindEntry
  | CohostKindEntry;

/** A non-empty string after trimming, or undefined: optional wording, leniently read. */
const optionalText = z
  .unknown()
  .transform((value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined));

const noPayload = z.object({});

const cohostRequestPayload = z.object({ cohostRequestId: z.string().uuid() });

const PARTSTAT = (status: string) => (status === 'invited' ? 'NEEDS-ACTION' : 'ACCEPTED');

const registrationKind = <S extends z.ZodTypeAny>(entry: Omit<RegistrationKindEntry<S>, 'audience'>) =>
  ({ ...entry, audience: 'registration' }) as RegistrationKindEntry;

/** Every kind's one entry. */
export const NOTIFICATION_REGISTRY: Readonly<Record<NotificationKind, NotificationKindEntry>> = {
  invitation: registrationKind({
    kind: 'invitation',
    subjectType: 'event',
    onReschedule: 'planned-afresh',
    firstMessageFor: ['invited'],
    payload: noPayload,
    payloadNeeds: 'an invitation needs no payload',
    forStatuses: ['invited'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: true,
    build: ({ base, invite, invitationLinks, invitedBy }) => {
      if (!invitationLinks) throw new PayloadError('an invitation needs the manage link');
      return invitationMessage({ ...base, ...invite, ...invitationLinks, invitedBy: invitedBy ?? null });
    },
  }),
  confirmation: registrationKind({
    kind: 'confirmation',
    subjectType: 'event',
    onReschedule: 'planned-afresh',
    firstMessageFor: ['confirmed'],
    payload: noPayload,
    payloadNeeds: 'a confirmation needs no payload',
    forStatuses: ['confirmed'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: false,
    build: ({ base, invite, join, registration }) =>
      registrationConfirmationMessage({
        ...base,
        ...invite,
        ...join,
        accessNeeds: [...registration.accessNeedLabels],
      }),
  }),
  waitlisted: registrationKind({
    kind: 'waitlisted',
    subjectType: 'event',
    onReschedule: 'planned-afresh',
    firstMessageFor: ['waitlisted'],
    // 1 is next; optional, and a position that is not a whole number is left out.
    payload: z.object({
      position: z
        .unknown()
        .transform((value) => (typeof value === 'number' && Number.isInteger(value) ? value : undefined)),
    }),
    payloadNeeds: 'a waitlisted payload has an optional whole position',
    forStatuses: ['waitlisted'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: false,
    build: ({ base }, payload: { position?: number }) =>
      waitlistedMessage({ ...base, position: payload.position }),
  }),
  promoted: registrationKind({
    kind: 'promoted',
    subjectType: 'event',
    onReschedule: 'planned-afresh',
    firstMessageFor: ['confirmed'],
    payload: noPayload,
    payloadNeeds: 'a promoted message needs no payload',
    forStatuses: ['confirmed'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: false,
    build: ({ base, invite, join }) => waitlistPromotedMessage({ ...base, ...invite, ...join }),
  }),
  update: registrationKind({
    kind: 'update',
    subjectType: 'event',
    onReschedule: 'planned-afresh',
    // Written by previousEventPayload; read back (and checked) by previousEventFromPayload.
    payload: z.record(z.unknown()),
    payloadNeeds: 'an update needs the event as it was (see previousEventPayload)',
    // Someone invited holds the event in their calendar as well, awaiting their answer. Someone
    // waiting is told too (without a calendar part): they are still hoping for a place.
    forStatuses: ['confirmed', 'invited', 'waitlisted'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: false,
    build: ({ base, invite, join, registration }, payload: NotificationPayload) =>
      eventUpdatedMessage({
        ...base,
        ...invite,
        ...join,
        previous: previousEventFromPayload(payload),
        previousCohosts: previousCohostsFromPayload(payload),
        partstat: PARTSTAT(registration.status),
        onWaitlist: registration.status === 'waitlisted',
      }),
  }),
  cancellation: registrationKind({
    kind: 'cancellation',
    subjectType: 'event',
    onReschedule: 'again',
    payload: z.object({ reason: optionalText }),
    payloadNeeds: 'a cancellation has an optional reason',
    forStatuses: ['confirmed', 'invited', 'waitlisted'],
    whileEvent: 'cancelled',
    carriesManageLink: false,
    skipsUnsubscribed: false,
    build: ({ base, invite, registration, eventCancelReason }, payload: { reason?: string }) => {
      const { manageUrl: _, ...withoutManage } = base;
      const message = eventCancelledMessage({
        ...withoutManage,
        ...invite,
        reason: payload.reason ?? eventCancelReason,
        partstat: PARTSTAT(registration.status),
      });
      // Someone waiting was never sent an invite: there is no calendar item to cancel.
      return registration.status === 'waitlisted' ? { ...message, calendar: undefined } : message;
    },
  }),
  'registration-cancelled': registrationKind({
    kind: 'registration-cancelled',
    subjectType: 'event',
    onReschedule: 'again',
    payload: noPayload,
    payloadNeeds: 'a registration-cancelled message needs no payload',
    // Gave up their own place (cancelled, or declined after accepting): their calendar item goes.
    forStatuses: ['cancelled', 'declined'],
    whileEvent: 'published',
    carriesManageLink: false,
    skipsUnsubscribed: false,
    build: ({ base, invite }) => {
      const { manageUrl: _, ...withoutManage } = base;
      return registrationCancelledMessage({ ...withoutManage, ...invite });
    },
  }),
  reminder: registrationKind({
    kind: 'reminder',
    subjectType: 'event',
    onReschedule: 'planned-afresh',
    payload: z.object({ offset: z.string().trim().min(1) }),
    payloadNeeds: 'a reminder needs its offset (e.g. "P1D") in its payload',
    forStatuses: ['confirmed'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: false,
    build: ({ base, invite, join }, payload: { offset: string }) =>
      reminderMessage({ ...base, ...invite, ...join, offset: payload.offset }),
  }),
  'access-arranged': registrationKind({
    kind: 'access-arranged',
    subjectType: 'event',
    onReschedule: 'again',
    payload: z.object({ arranged: z.array(z.string()).nonempty(), note: optionalText }),
    payloadNeeds: 'an access-arranged message needs what was arranged in its payload',
    forStatuses: ['confirmed'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: false,
    build: ({ base, join }, payload: { arranged: string[]; note?: string }) =>
      accessNeedArrangedMessage({ ...base, ...join, arranged: payload.arranged, note: payload.note }),
  }),
  'manage-link': registrationKind({
    kind: 'manage-link',
    subjectType: 'event',
    onReschedule: 'again',
    payload: noPayload,
    payloadNeeds: 'a manage-link message needs no payload',
    // Their own link, wherever they stand: it changes nothing, and the wording follows the status.
    forStatuses: ['confirmed', 'waitlisted', 'attended', 'invited', 'declined', 'cancelled'],
    whileEvent: 'published',
    carriesManageLink: true,
    skipsUnsubscribed: false,
    build: ({ base, registration }) =>
      manageLinkMessage({ ...base, standing: registration.status as ManageLinkStanding }),
  }),
  'access-tasks-late': {
    kind: 'access-tasks-late',
    subjectType: 'event',
    onReschedule: 'kept',
    audience: 'staff',
    // The late tasks it is about; the worker lists only those still open when it sends.
    payload: z.object({ taskIds: z.array(z.string()) }),
    payloadNeeds: 'an access-tasks-late row needs taskIds',
    build: ({ event, office, staffEventUrl, openTasks }) =>
      accessTasksLateMessage({
        event,
        office,
        tasks: openTasks.map((task) => ({ need: task.needLabel, dueAt: task.dueAt })),
        staffEventUrl,
      }),
  },
  'testimony-receipt': {
    kind: 'testimony-receipt',
    subjectType: 'testimony',
    onReschedule: 'kept',
    audience: 'testimony',
    toAuthor: true,
    payload: noPayload,
    payloadNeeds: 'a testimony receipt needs no payload',
    build: ({ office, receiptUrl, campaign }) => {
      if (!receiptUrl) throw new PayloadError('a testimony receipt needs the receipt link');
      return testimonyReceiptMessage({ office, receiptUrl, campaign });
    },
  },
  'safeguarding-alert': {
    kind: 'safeguarding-alert',
    subjectType: 'testimony',
    onReschedule: 'kept',
    audience: 'testimony',
    toAuthor: false,
    payload: z.object({ flag: z.enum(['suggested', 'raised']) }),
    payloadNeeds: 'a safeguarding alert needs its flag (suggested or raised) in its payload',
    build: ({ office, testimonyId, staffTestimonyUrl }, payload: { flag: 'suggested' | 'raised' }) =>
      safeguardingAlertMessage({ office, testimonyId, flag: payload.flag, staffTestimonyUrl }),
  },
  'partner-registered': {
    kind: 'partner-registered',
    subjectType: 'partner',
    onReschedule: 'kept',
    audience: 'partner',
    whilePartner: 'pending',
    payload: noPayload,
    payloadNeeds: 'a partner-registered message needs no payload',
    build: ({ office, partner, staffPartnerUrl }) =>
      partnerRegisteredMessage({ office, partner, staffPartnerUrl }),
  },
  'partner-approved': {
    kind: 'partner-approved',
    subjectType: 'partner',
    onReschedule: 'kept',
    audience: 'partner',
    whilePartner: 'approved',
    // The contact's set-password link: the worker rebuilds its token from the link's row.
    payload: z.object({ passwordLinkId: z.string().uuid() }),
    payloadNeeds: 'a partner-approved message needs passwordLinkId in its payload',
    build: ({ office, partner, signInUrl, passwordLink }) => {
      if (!passwordLink) throw new PayloadError('a partner-approved message needs the set-password link');
      return partnerApprovedMessage({
        office,
        partner,
        signInUrl,
        setPasswordUrl: passwordLink.url,
        expiresAt: passwordLink.expiresAt,
      });
    },
  },
  'partner-rejected': {
    kind: 'partner-rejected',
    subjectType: 'partner',
    onReschedule: 'kept',
    audience: 'partner',
    whilePartner: 'rejected',
    payload: noPayload,
    payloadNeeds: 'a partner-rejected message needs no payload (the reason is on the partner)',
    build: ({ office, partner }) => partnerRejectedMessage({ office, partner }),
  },
  'password-link': {
    kind: 'password-link',
    subjectType: 'staff',
    onReschedule: 'kept',
    audience: 'account',
    payload: z.object({ passwordLinkId: z.string().uuid() }),
    payloadNeeds: 'a password-link message needs passwordLinkId in its payload',
    build: ({ office, user, partnerName, signInUrl, passwordLink }) =>
      passwordLinkMessage({
        office,
        recipientName: user.name,
        partnerName,
        purpose: passwordLink.purpose,
        setPasswordUrl: passwordLink.url,
        expiresAt: passwordLink.expiresAt,
        signInUrl,
      }),
  },
  'cohost-requested': {
    kind: 'cohost-requested',
    subjectType: 'partner',
    onReschedule: 'kept',
    audience: 'cohost',
    whileRequest: 'pending',
    toStaff: true,
    payload: cohostRequestPayload,
    payloadNeeds: 'a cohost-requested row needs cohostRequestId',
    build: (context) =>
      cohostRequestedMessage({ ...context, message: context.message, url: context.staffRequestsUrl }),
  },
  'cohost-accepted': {
    kind: 'cohost-accepted',
    subjectType: 'partner',
    onReschedule: 'kept',
    audience: 'cohost',
    whileRequest: 'accepted',
    toStaff: false,
    payload: cohostRequestPayload,
    payloadNeeds: 'a cohost-accepted row needs cohostRequestId',
    build: (context) => cohostAcceptedMessage({ ...context, url: context.partnerRequestsUrl }),
  },
  'cohost-declined': {
    kind: 'cohost-declined',
    subjectType: 'partner',
    onReschedule: 'kept',
    audience: 'cohost',
    whileRequest: 'declined',
    toStaff: false,
    payload: cohostRequestPayload,
    payloadNeeds: 'a cohost-declined row needs cohostRequestId',
    build: (context) =>
      cohostDeclinedMessage({ ...context, reason: context.declineReason, url: context.partnerRequestsUrl }),
  },
};

/** The entry for a row's kind; a PayloadError for a kind nobody registered. */
export function notificationKindEntry(kind: string): NotificationKindEntry {
  const entry = (NOTIFICATION_REGISTRY as Record<string, NotificationKindEntry | undefined>)[kind];
  if (!entry) throw new PayloadError(`no message is built for the kind "${kind}"`);
  return entry;
}

/** The row's payload as its kind reads it; a PayloadError when it does not fit (a retry will not help). */
export function parsePayload<E extends NotificationKindEntry>(
  entry: E,
  payload: unknown,
): z.output<E['payload']> {
  const parsed = entry.payload.safeParse(payload ?? {});
  if (!parsed.success) throw new PayloadError(entry.payloadNeeds);
  return parsed.data;
}
