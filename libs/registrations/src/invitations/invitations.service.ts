import { Injectable, Logger } from '@nestjs/common';
import { shareForInviting, type EventEntity } from '@roundtable/events';
import { NotificationLedger, NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { Clock, InvalidInput, ruleBroken } from '@roundtable/platform';
import { InvitationLinkNotFound } from '../errors';
import { DataSource, EntityManager } from 'typeorm';
import { ManageLinks } from '../manage-links/manage-links.service';
import { invitationMessages } from '../registrations/registration-messages';
import type { Registration } from '../registrations/registration.entity';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { addressHash } from './address-hash';
import { invitableOrFail } from './invitable-event';
import { checkContacts } from './invitation-contacts';
import type { SuppressionSource } from './invitation-suppression.entity';
import { InvitationSuppressionsRepository } from './invitation-suppressions.repository';

/** What an invitation request did, by person: every unique address lands in exactly one count. */
export interface InvitationCounts {
  /** New invitations, each now in the ledger and queued. */
  invited: number;
  /** Already had a registration for this event (invited, registered, declined…): left alone. */
  alreadyInvited: number;
  /** On the unsubscribe list: not invited. */
  unsubscribed: number;
  /** Entries repeating an address given earlier in the same request. */
  duplicates: number;
}

/** Who is inviting, when it is not the office's staff. */
export interface InviteOptions {
  /** The co-hosting partner whose user invites: kept on each new registration, named in the email. */
  invitedByPartnerId?: string;
  /**
   * Runs inside the invitation's transaction once the event is locked, before anything is
   * written: a partner's co-hosting check (a throw writes nothing) and its audit entry.
   */
  withinTransaction?: (manager: EntityManager) => Promise<void>;
}

/** Rows written per statement: well under Postgres's parameter limit and quick to lock. */
const INSERT_CHUNK = 1000;

/**
 * Staff invitations and the unsubscribe list. An invitation is a registration in status
 * `invited` with its own manage link seed, plus an `invitation` ledger row; the worker derives
 * the link when it sends, to build the accept, decline and unsubscribe links.
 *
 * Co-host partners invite to events they co-host through the same call (libs/partners checks
 * the co-hosting and passes its id, which the invitation email names).
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsRepository,
    private readonly suppressions: InvitationSuppressionsRepository,
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly manageLinks: ManageLinks,
    private readonly clock: Clock,
  ) {}

  /**
   * Invites everyone new on the list to a published event that has not started. The whole list
   * is checked first (nothing is written if any entry is wrong); then, in one transaction,
   * registrations and ledger rows are written a chunk at a time, set-based. Queued after commit.
   */
  async invite(eventId: string, input: unknown, options: InviteOptions = {}): Promise<InvitationCounts> {
    const checked = checkContacts(input);
    if (checked.problems.length > 0) {
      throw new InvalidInput(
        checked.problems.map((message) => ruleBroken('invitation-list', message, 'contacts')),
      );
    }
    // Sorted, so concurrent requests with overlapping lists lock rows in the same order.
    const contacts = [...checked.contacts].sort((a, b) =>
      a.email < b.email ? -1 : a.email > b.email ? 1 : 0,
    );

    const { counts, due } = await this.dataSource.transaction(async (manager) => {
      const event = await this.invitableEventOrFail(manager, eventId);
      await options.withinTransaction?.(manager);
      const now = this.clock.now();
      const suppressed = await this.suppressions.suppressedAmong(
        manager,
        contacts.map((contact) => addressHash(contact.email)),
      );
      const invitable = contacts.filter((contact) => !suppressed.has(addressHash(contact.email)));
      let invited = 0;
      const due: DueNotification[] = [];
      for (let start = 0; start < invitable.length; start += INSERT_CHUNK) {
        const people = invitable
          .slice(start, start + INSERT_CHUNK)
          .map((contact) => ({ ...contact, ...this.manageLinks.newSeed() }));
        const added = await this.registrations.insertInvitedUnlessRegistered(
          manager,
          eventId,
          people,
          now,
          options.invitedByPartnerId ?? null,
        );
        const planned = added.flatMap((registration) => invitationMessages(registration, event, now));
        due.push(...(await this.ledger.plan(manager, planned)));
        invited += added.length;
      }
      const counts: InvitationCounts = {
        invited,
        alreadyInvited: invitable.length - invited,
        unsubscribed: contacts.length - invitable.length,
        duplicates: checked.duplicates,
      };
      return { counts, due };
    });
    await this.outbox.enqueue(due);
    this.logger.log(
      `Invitations to event ${eventId}: ${counts.invited} invited, ${counts.alreadyInvited} already there, ${counts.unsubscribed} unsubscribed, ${counts.duplicates} repeated`,
    );
    return counts;
  }

  /**
   * The holder of an invitation's link asks for no more invitations: their address goes on the
   * unsubscribe list, and this registration's unsent invitation is withdrawn. A place they hold
   * is kept, and messages about it still come: those are about something they asked for.
   */
  async unsubscribeByToken(token: string, source: SuppressionSource): Promise<Registration> {
    const registration = await this.dataSource.transaction(async (manager) => {
      const registration = await this.manageLinks.findByToken(manager, token);
      if (!registration) throw new InvitationLinkNotFound();
      // A walk-in without an address was never invited, and has nothing to unsubscribe.
      if (registration.email !== null) await this.suppressions.suppress(manager, registration.email, source);
      await this.ledger.supersedeForRegistration(manager, registration.id, ['invitation']);
      return registration;
    });
    this.logger.log(`Registration ${registration.id}: address unsubscribed from invitations (${source})`);
    return registration;
  }

  /**
   * The event, share-locked so a reschedule or cancellation waits for this transaction and then
   * tells the people it invited (rather than the two crossing, and the new invitations going out
   * with the old time). Registrations to this event (which update its places) wait the second
   * or two a large list takes; that is the price of nobody missing the news of a change.
   */
  private async invitableEventOrFail(manager: EntityManager, eventId: string): Promise<EventEntity> {
    return invitableOrFail(await shareForInviting(manager, eventId), eventId, this.clock.now());
  }
}
