import { Injectable } from '@nestjs/common';
import { EventsService } from '@roundtable/events';
import {
  eventSnapshot,
  inviteUid,
  NOTIFICATION_REGISTRY,
  parsePayload,
  PayloadError,
  whyNotCurrent,
  type ClaimJoin,
  type Notification,
  type NotificationPreparer,
  type PreparedNotification,
  type RegistrationKindEntry,
} from '@roundtable/notifications';
import { CohostsReader } from '@roundtable/partners';
import { Clock } from '@roundtable/platform';
import { accessNeedLabel, getsJoiningLink, ManageLinks } from '@roundtable/registrations';
import type Mail from 'nodemailer/lib/mailer';
import { notificationLinks } from '../notification-links';
import { NotificationRenderer } from '../notification-renderer';
import {
  RegistrationMessageReader,
  type MessageEvent,
  type MessageRegistration,
  type RegistrationMessageFacts,
} from './registration-message-reader';

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
  /**
   * Invitations and reminders are the worker's bulk: their registration's facts are read in the
   * claim's statement (RegistrationMessageReader.claimJoin), one round trip a message fewer.
   */
  readonly claimJoin: ClaimJoin;

  constructor(
    private readonly events: EventsService,
    private readonly reader: RegistrationMessageReader,
    private readonly manageLinks: ManageLinks,
    private readonly renderer: NotificationRenderer,
    private readonly clock: Clock,
    private readonly cohosts: CohostsReader,
  ) {
    const ours = Object.values(NOTIFICATION_REGISTRY).filter(
      (entry): entry is RegistrationKindEntry => entry.audience === this.audience,
    );
    this.claimJoin = reader.claimJoin(
      ours.map((entry) => entry.kind),
      ours.filter((entry) => entry.skipsUnsubscribed).map((entry) => entry.kind),
    );
  }

  async prepare(
    row: Notification,
    entry: RegistrationKindEntry,
    claimed?: Readonly<Record<string, unknown>>,
  ): Promise<PreparedNotification> {
    // An event message's subject is its event (the database holds subject_id = event_id).
    const facts = await this.facts(row, entry, row.subjectId, claimed);
    const { event, registration } = facts;
    const stale = whyNotCurrent(row, event, registration, { unsubscribed: facts.unsubscribed });
    if (stale || !registration) return { stale: stale ?? 'the recipient has been erased' };
    // Every message that offers the person's own page links to it: derived now, never stored. The
    // cancellations offer none, so a row made before derived links is not re-seeded for them.
    const manageToken = entry.carriesManageLink ? await this.manageLinks.tokenFor(registration) : null;
    // Co-hosts and the inviting partner are named in the message and its invite as they are now.
    const partners = { cohosts: facts.cohosts, invitedBy: facts.invitedBy };
    return {
      build: () => this.build(row, entry, event, registration, manageToken, partners),
    };
  }

  /**
   * The registration with its event, co-hosts, inviting partner and (for invitations) whether the
   * address unsubscribed, as they are now: what the claim read with the row when it could (the
   * registration exists and, for an invitation, the list was looked up), else one statement while
   * the registration exists, as it almost always does. Otherwise (erased) the event on its own,
   * for the currency check.
   */
  private async facts(
    row: Notification,
    entry: RegistrationKindEntry,
    eventId: string,
    claimed: Readonly<Record<string, unknown>> | undefined,
  ): Promise<Omit<RegistrationMessageFacts, 'registration'> & { registration: MessageRegistration | null }> {
    const asks = asksUnsubscribed(row, entry);
    const facts =
      this.reader.claimedFacts(claimed, asks) ??
      (row.registrationId
        ? await this.reader.read(row.registrationId, asks ? row.recipientEmail : null)
        : null);
    if (facts && facts.event.id === eventId) return facts;
    const event = await this.events.get(eventId);
    return {
      registration: facts?.registration ?? null,
      event,
      cohosts: await this.cohosts.namesFor(eventId),
      invitedBy: facts?.invitedBy ?? null,
      unsubscribed: facts?.unsubscribed ?? false,
    };
  }

  /**
   * `manageToken` is the person's link, derived for every kind that offers it (the entry's
   * carriesManageLink); null only for the kinds that do not. Throws a PayloadError (or the
   * builder's own error) when the row cannot make a message.
   */
  private build(
    row: Notification,
    entry: RegistrationKindEntry,
    event: MessageEvent,
    registration: MessageRegistration,
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

/** Only invitations are marketing: only they look the address up on the unsubscribe list. */
function asksUnsubscribed(row: Notification, entry: RegistrationKindEntry): boolean {
  return entry.skipsUnsubscribed && row.recipientEmail.trim() !== '';
}
