import { Injectable } from '@nestjs/common';
import type { EventEntity } from '@roundtable/events';
import {
  accessNeedArrangedMessage,
  accessTasksLateMessage,
  eventCancelledMessage,
  eventSnapshot,
  eventUpdatedMessage,
  invitationMessage,
  inviteUid,
  manageLinkMessage,
  PayloadError,
  previousEventFromPayload,
  registrationCancelledMessage,
  registrationConfirmationMessage,
  reminderMessage,
  toMailOptions,
  waitlistedMessage,
  waitlistPromotedMessage,
  type InviteInput,
  type JoinInput,
  type Message,
  type MessageInput,
  type Notification,
  type NotificationKind,
  type NotificationPayload,
  type Office,
} from '@roundtable/notifications';
import { AppConfig, Clock } from '@roundtable/platform';
import { accessNeedLabel, type AccessTask, type Registration } from '@roundtable/registrations';
import type Mail from 'nodemailer/lib/mailer';
import { notificationLinks, type NotificationLinks } from './notification-links';
import { officeFromMailFrom } from './office-sender';

/**
 * Kinds that offer no private link: the event's cancellation, and the person's own cancellation
 * (their place is gone). The sender does not derive, or seed, a link for them.
 */
const WITHOUT_MANAGE_LINK: ReadonlySet<string> = new Set(['cancellation', 'registration-cancelled']);

export function carriesManageLink(kind: string): boolean {
  return !WITHOUT_MANAGE_LINK.has(kind);
}

/** Everything a message builder is given, before the kind adds its own. */
interface Parts {
  row: Notification;
  event: EventEntity;
  registration: Registration;
  base: MessageInput;
  invite: InviteInput;
  join: JoinInput;
  invitationLinks: NotificationLinks['invitation'];
}

/**
 * Turns a claimed ledger row, with the event and registration as they are now, into the mail to
 * send: picks the message builder for the row's kind and gives it what it needs. Every message
 * to one person about one event has the same calendar UID and the event's current SEQUENCE, so
 * their calendar updates the one item it holds. Throws a PayloadError (or the builder's own
 * error) when the row cannot make a message: sending it again would not help.
 */
@Injectable()
export class NotificationRenderer {
  private readonly office: Office;
  private readonly publicUrl: string;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.office = officeFromMailFrom(config.get('MAIL_FROM'));
    this.publicUrl = config.get('PUBLIC_URL');
  }

  /**
   * `manageToken` is the person's link, derived by the sender (ManageLinks) for every kind that
   * offers it (see carriesManageLink); null only for the kinds that do not.
   */
  render(
    row: Notification,
    event: EventEntity,
    registration: Registration,
    manageToken: string | null,
  ): Mail.Options {
    if (!manageToken && carriesManageLink(row.kind)) {
      throw new PayloadError(`a ${row.kind} message needs the person's manage link`);
    }
    const links = notificationLinks(this.publicUrl, event.id, manageToken);
    const parts: Parts = {
      row,
      event,
      registration,
      base: {
        event: eventSnapshot(event),
        recipient: { name: registration.name, email: row.recipientEmail },
        office: this.office,
        // Co-hosting arrives with the partners library.
        cohosts: [],
        eventUrl: links.eventUrl,
        manageUrl: links.manageUrl,
      },
      invite: {
        uid: inviteUid(event.id, registration.id),
        // The person's own calendar revision rises when they cancel and when they come back, so
        // their CANCEL and a later REQUEST each outrank what their calendar last got. Both parts
        // only ever rise, so the sum does too. Currency is still checked on event.sequence.
        sequence: event.sequence + registration.calendarRevision,
        stamp: this.clock.now(),
      },
      // The joining link goes only to people with a place.
      join: registration.status === 'confirmed' && event.onlineUrl ? { joinUrl: event.onlineUrl } : {},
      invitationLinks: links.invitation,
    };
    const options = toMailOptions(this.message(parts), {
      from: { name: this.office.name, address: this.office.email },
      to: { name: registration.name, address: row.recipientEmail },
    });
    return this.withIds(row, options);
  }

  /**
   * A message to staff about late access needs: the tasks still open, by need and due date, and
   * the link to the staff event page. Never who needs them: that stays behind sign-in.
   */
  renderLateAccessTasks(row: Notification, event: EventEntity, tasks: readonly AccessTask[]): Mail.Options {
    const message = accessTasksLateMessage({
      event: eventSnapshot(event),
      office: this.office,
      tasks: tasks.map((task) => ({ need: accessNeedLabel(task.need), dueAt: task.dueAt })),
      staffEventUrl: `${this.publicUrl.replace(/\/+$/, '')}/staff/events/${event.id}`,
    });
    const options = toMailOptions(message, {
      from: { name: this.office.name, address: this.office.email },
      to: row.recipientEmail,
    });
    return this.withIds(row, options);
  }

  private withIds(row: Notification, options: Mail.Options): Mail.Options {
    return {
      ...options,
      // The same Message-ID on every attempt, so a receiving server that sees a retry of a
      // message it already accepted can recognise it as a duplicate.
      messageId: `<${row.id}@${this.office.email.split('@')[1]}>`,
      // An id, not personal data: lets a bounce or a test find the ledger row.
      headers: { ...(options.headers as Record<string, string> | undefined), 'X-Notification-Id': row.id },
    };
  }

  private message({ row, event, registration, base, invite, join, invitationLinks }: Parts): Message {
    const { payload } = row;
    // Cast so that a case naming a kind that does not exist fails to compile.
    switch (row.kind as NotificationKind) {
      case 'invitation':
        if (!invitationLinks) throw new PayloadError('an invitation needs the manage link');
        return invitationMessage({ ...base, ...invite, ...invitationLinks });
      case 'confirmation':
        return registrationConfirmationMessage({
          ...base,
          ...invite,
          ...join,
          accessNeeds: registration.accessNeeds.map(accessNeedLabel),
        });
      case 'waitlisted':
        return waitlistedMessage({ ...base, position: whole(payload, 'position') });
      case 'promoted':
        return waitlistPromotedMessage({ ...base, ...invite, ...join });
      case 'update':
        return eventUpdatedMessage({
          ...base,
          ...invite,
          ...join,
          previous: previousEventFromPayload(payload),
          partstat: registration.status === 'invited' ? 'NEEDS-ACTION' : 'ACCEPTED',
          onWaitlist: registration.status === 'waitlisted',
        });
      case 'cancellation': {
        const { manageUrl: _, ...withoutManage } = base;
        const message = eventCancelledMessage({
          ...withoutManage,
          ...invite,
          reason: text(payload, 'reason') ?? event.cancelReason,
          partstat: registration.status === 'invited' ? 'NEEDS-ACTION' : 'ACCEPTED',
        });
        // Someone waiting was never sent an invite: there is no calendar item to cancel.
        return registration.status === 'waitlisted' ? { ...message, calendar: undefined } : message;
      }
      case 'registration-cancelled': {
        const { manageUrl: _, ...withoutManage } = base;
        return registrationCancelledMessage({ ...withoutManage, ...invite });
      }
      case 'reminder': {
        const offset = text(payload, 'offset');
        if (!offset) throw new PayloadError('a reminder needs its offset (e.g. "P1D") in its payload');
        return reminderMessage({ ...base, ...invite, ...join, offset });
      }
      case 'access-arranged': {
        const arranged = payload.arranged;
        if (!Array.isArray(arranged) || arranged.length === 0) {
          throw new PayloadError('an access-arranged message needs what was arranged in its payload');
        }
        return accessNeedArrangedMessage({ ...base, ...join, arranged, note: text(payload, 'note') });
      }
      case 'manage-link':
        return manageLinkMessage({ ...base, standing: registration.status });
      default:
        throw new PayloadError(`no message is built for the kind "${row.kind}"`);
    }
  }
}

function text(payload: NotificationPayload, key: string): string | undefined {
  const value = payload[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function whole(payload: NotificationPayload, key: string): number | undefined {
  const value = payload[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
