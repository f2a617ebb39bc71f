import { Injectable } from '@nestjs/common';
import type { EventEntity } from '@roundtable/events';
import {
  eventSnapshot,
  inviteUid,
  parsePayload,
  PayloadError,
  toMailOptions,
  type Notification,
  type Office,
  type RegistrationKindEntry,
  type StaffKindEntry,
} from '@roundtable/notifications';
import { AppConfig, Clock } from '@roundtable/platform';
import { accessNeedLabel, type AccessTask, type Registration } from '@roundtable/registrations';
import type Mail from 'nodemailer/lib/mailer';
import { notificationLinks } from './notification-links';
import { officeFromMailFrom } from './office-sender';

/**
 * Turns a claimed ledger row, with the event and registration as they are now, into the mail to
 * send: gives the builder its kind's registry entry names what it needs. Every message
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
   * offers it (the entry's carriesManageLink); null only for the kinds that do not.
   */
  render(
    row: Notification,
    entry: RegistrationKindEntry,
    event: EventEntity,
    registration: Registration,
    manageToken: string | null,
  ): Mail.Options {
    if (!manageToken && entry.carriesManageLink) {
      throw new PayloadError(`a ${row.kind} message needs the person's manage link`);
    }
    const payload = parsePayload(entry, row.payload);
    const links = notificationLinks(this.publicUrl, event.id, manageToken);
    const message = entry.build(
      {
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
        registration: {
          status: registration.status,
          accessNeedLabels: registration.accessNeeds.map(accessNeedLabel),
        },
        eventCancelReason: event.cancelReason,
      },
      payload,
    );
    const options = toMailOptions(message, {
      from: { name: this.office.name, address: this.office.email },
      to: { name: registration.name, address: row.recipientEmail },
    });
    return this.withIds(row, options);
  }

  /**
   * A message to staff about late access needs: the tasks still open, by need and due date, and
   * the link to the staff event page. Never who needs them: that stays behind sign-in.
   */
  renderForStaff(
    row: Notification,
    entry: StaffKindEntry,
    event: EventEntity,
    tasks: readonly AccessTask[],
  ): Mail.Options {
    const message = entry.build(
      {
        event: eventSnapshot(event),
        office: this.office,
        openTasks: tasks.map((task) => ({ needLabel: accessNeedLabel(task.need), dueAt: task.dueAt })),
        staffEventUrl: `${this.publicUrl.replace(/\/+$/, '')}/staff/events/${event.id}`,
      },
      parsePayload(entry, row.payload),
    );
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
}
