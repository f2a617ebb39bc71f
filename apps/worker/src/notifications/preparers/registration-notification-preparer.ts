import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EventsService, type EventEntity } from '@roundtable/events';
import {
  eventSnapshot,
  inviteUid,
  parsePayload,
  PayloadError,
  whyNotCurrent,
  type Notification,
  type NotificationPreparer,
  type PreparedNotification,
  type RegistrationKindEntry,
} from '@roundtable/notifications';
import { CohostsReader } from '@roundtable/partners';
import { Clock } from '@roundtable/platform';
import {
  accessNeedLabel,
  getsJoiningLink,
  InvitationSuppressionsRepository,
  ManageLinks,
  Registration,
} from '@roundtable/registrations';
import type Mail from 'nodemailer/lib/mailer';
import type { Repository } from 'typeorm';
import { notificationLinks } from '../notification-links';
import { NotificationRenderer } from '../notification-renderer';

/**
 * Messages to someone registered for an event. Reads the event and the registration as they are
 * now, checks the row is still current for both (and, for invitations, that the address has not
 * unsubscribed), derives the person's link when the kind offers it, and builds the message. Every
 * message to one person about one event has the same calendar UID and the event's current
 * SEQUENCE, so their calendar updates the one item it holds.
 */
@Injectable()
export class RegistrationNotificationPreparer implements NotificationPreparer<'registration'> {
  readonly audience = 'registration';
  readonly subjectType = 'event';

  constructor(
    private readonly events: EventsService,
    @InjectRepository(Registration) private readonly registrations: Repository<Registration>,
    private readonly suppressions: InvitationSuppressionsRepository,
    private readonly manageLinks: ManageLinks,
    private readonly renderer: NotificationRenderer,
    private readonly clock: Clock,
    private readonly cohosts: CohostsReader,
  ) {}

  async prepare(row: Notification, entry: RegistrationKindEntry): Promise<PreparedNotification> {
    // An event message's subject is its event (the database holds subject_id = event_id).
    const { event, registration } = await this.eventAndRegistration(row, row.subjectId);
    const stale = whyNotCurrent(row, event, registration, await this.recipient(row, entry));
    if (stale || !registration) return { stale: stale ?? 'the recipient has been erased' };
    // Every message that offers the person's own page links to it: derived now, never stored. The
    // cancellations offer none, so a row made before derived links is not re-seeded for them.
    const manageToken = entry.carriesManageLink ? await this.manageLinks.tokenFor(registration) : null;
    // Named in the message and its calendar invite as they are when it is sent.
    const cohosts = await this.cohosts.namesFor(event.id);
    const invitedBy = await this.invitingPartner(registration);
    return {
      build: () => this.build(row, entry, event, registration, manageToken, { cohosts, invitedBy }),
    };
  }

  /**
   * The name of the co-hosting partner whose user invited the person (the invitation says so),
   * read by table name: the worker's messages do not depend on libs/partners.
   */
  private async invitingPartner(registration: Registration): Promise<string | null> {
    if (!registration.invitedByPartnerId) return null;
    const rows: Array<{ name: string }> = await this.registrations.manager.query(
      'SELECT name FROM partners WHERE id = $1',
      [registration.invitedByPartnerId],
    );
    return rows[0]?.name ?? null;
  }

  /**
   * The event (with its venue) and the registration as they are now. One query while the
   * registration exists, as it almost always does; otherwise (erased) the event on its own.
   */
  private async eventAndRegistration(
    row: Notification,
    eventId: string,
  ): Promise<{ event: EventEntity; registration: Registration | null }> {
    const registration = row.registrationId
      ? await this.registrations
          .createQueryBuilder('registration')
          .innerJoinAndSelect('registration.event', 'event')
          .leftJoinAndSelect('event.venue', 'venue')
          .where('registration.id = :id', { id: row.registrationId })
          .getOne()
      : null;
    const joined = registration?.event;
    // The event is handed back on its own; the registration stays a plain read of its row.
    if (registration) delete registration.event;
    const event = joined && registration?.eventId === eventId ? joined : await this.events.get(eventId);
    return { event, registration };
  }

  /** What the currency check needs to know about the person: only invitations need a look-up. */
  private async recipient(
    row: Notification,
    entry: RegistrationKindEntry,
  ): Promise<{ unsubscribed: boolean }> {
    if (!entry.skipsUnsubscribed || row.recipientEmail.trim() === '') return { unsubscribed: false };
    return { unsubscribed: await this.suppressions.isSuppressed(row.recipientEmail) };
  }

  /**
   * `manageToken` is the person's link, derived for every kind that offers it (the entry's
   * carriesManageLink); null only for the kinds that do not. Throws a PayloadError (or the
   * builder's own error) when the row cannot make a message.
   */
  private build(
    row: Notification,
    entry: RegistrationKindEntry,
    event: EventEntity,
    registration: Registration,
    manageToken: string | null,
    partners: { cohosts: readonly string[]; invitedBy: string | null },
  ): Mail.Options {
    if (!manageToken && entry.carriesManageLink) {
      throw new PayloadError(`a ${row.kind} message needs the person's manage link`);
    }
    const payload = parsePayload(entry, row.payload);
    const links = notificationLinks(this.renderer.publicUrl, event.id, manageToken);
    const message = entry.build(
      {
        base: {
          event: eventSnapshot(event),
          recipient: { name: registration.name, email: row.recipientEmail },
          office: this.renderer.office,
          cohosts: partners.cohosts,
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
        // The joining link goes only to people with a place who take part online (see getsJoiningLink).
        join:
          registration.status === 'confirmed' && event.onlineUrl && getsJoiningLink(registration, event)
            ? { joinUrl: event.onlineUrl }
            : {},
        invitationLinks: links.invitation,
        registration: {
          status: registration.status,
          accessNeedLabels: registration.accessNeeds.map(accessNeedLabel),
        },
        eventCancelReason: event.cancelReason,
        invitedBy: partners.invitedBy,
      },
      payload,
    );
    return this.renderer.render(row, message, { name: registration.name, address: row.recipientEmail });
  }
}
