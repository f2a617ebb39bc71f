import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  EventEntity,
  EventNotFound,
  lockForPromotion,
  PublishedEventNotFound,
  releasePlace,
  shareForPlanning,
  takePlace,
  takePlacesForParties,
} from '@roundtable/events';
import {
  NotificationLedger,
  NotificationOutbox,
  type DueNotification,
  type PlannedNotification,
} from '@roundtable/notifications';
import { AppConfig, Clock, isUniqueViolation, normaliseEmail } from '@roundtable/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTasksPlanner } from '../access-tasks/access-tasks.planner';
import { needsThatDoNotFit } from '../access-tasks/access-needs';
import {
  AccessNeedsDoNotFit,
  AddressAlreadyHasRegistration,
  AlreadyAttended,
  AlreadyRegistered,
  AttendanceNotOffered,
  AttendanceRequired,
  EventNotOpen,
  PartyDoesNotFit,
  RegistrationLinkNotFound,
} from '../errors';
import { ManageLinkRequests } from '../manage-links/manage-link-requests.service';
import { ManageLinks } from '../manage-links/manage-links.service';
import { PartnerContactConsents, type ConsentPartner } from '../partner-consents/partner-contact-consents';
import type { RegisterDto, UpdateRegistrationDto } from '../dto/registration.dto';
import {
  confirmationMessages,
  registrationCancelledMessages,
  WAITLIST_POSITION,
  waitlistedMessages,
} from './registration-messages';
import { BookingEvents } from './booking-events';
import { attendanceAt, impliedAttendance, placesFor, type Attendance } from './party';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';

/**
 * What a public registration did. For the service's callers and tests only: the HTTP answer is
 * the same whatever happened (whether the address was already registered is personal).
 */
export interface Registered {
  /**
   * The address's registration for the event: new, or the one it already had (unchanged); null
   * when the address had none and has reached PUBLIC_REGISTRATIONS_PER_ADDRESS (nothing made).
   */
  registration: Registration | null;
  /** False when the address already had a registration, which was left as it was. */
  created: boolean;
  /** Whether an email was planned: always for a new one; for an existing one, within the limits. */
  emailed: boolean;
}

/** What differs when a member of staff registers someone rather than the person themselves. */
export interface RegisterOptions {
  /**
   * Staff register the person on their behalf (they phoned). The same rules and emails as the
   * public form, but staff are trusted: an address already registered is refused with what it
   * is (AddressAlreadyHasRegistration) rather than answered as if new, the per-address limit on
   * public registrations does not apply, and the row records who made it.
   */
  onBehalf?: {
    staffUserId: string;
    /** Runs inside the transaction once the registration is made (the caller's audit entry). */
    alsoInTransaction?: (manager: EntityManager, registration: Registration) => Promise<void>;
  };
}

@Injectable()
export class RegistrationsService {
  private readonly logger = new Logger(RegistrationsService.name);
  /**
   * The new registrations one address may be given through the public routes in 24 hours, across
   * events. Each one emails an address that has not shown it is anyone's, so a stranger cannot
   * sign one address up to every event. Invitations and the registrations staff make (on the
   * phone, walk-ins) are not the public's doing and do not count. Counted under the address's
   * lock (see RegistrationsRepository.book and bookWithFunction).
   */
  private readonly publicRegistrationsPerAddress: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsRepository,
    private readonly bookingEvents: BookingEvents,
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly accessTasks: AccessTasksPlanner,
    private readonly manageLinks: ManageLinks,
    private readonly linkRequests: ManageLinkRequests,
    private readonly consents: PartnerContactConsents,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.publicRegistrationsPerAddress = config.get('PUBLIC_REGISTRATIONS_PER_ADDRESS');
  }

  /**
   * A member of the public asks for a place: confirmed while places last, otherwise waitlisted in
   * arrival order. The confirmation (or waitlist) email, reminders and access tasks are planned
   * in the same transaction and sent after it commits; the email carries the manage link.
   *
   * An address that already has a registration for the event (invited, registered, declined,
   * cancelled…) is not changed at all: anyone can type any address, so nothing they send may
   * overwrite or re-key the row. The address is emailed its own link instead (within the limits
   * of ManageLinkRequests), and its owner can take a place through it.
   */
  async register(eventId: string, input: RegisterDto, options: RegisterOptions = {}): Promise<Registered> {
    try {
      return await this.registerOnce(eventId, input, options);
    } catch (error) {
      // The same address registered twice at once: the loser finds the winner's row, and is
      // answered as for any existing registration, not with an error that would tell them so.
      if (!isUniqueViolation(error)) throw error;
      return this.registerOnce(eventId, input, options);
    }
  }

  private async registerOnce(
    eventId: string,
    input: RegisterDto,
    options: RegisterOptions,
  ): Promise<Registered> {
    const email = normaliseEmail(input.email);
    const { onBehalf } = options;
    const { result, due } =
      (bookableInOneStatement(input, options) && (await this.bookInOneStatement(eventId, input, email))) ||
      (await this.bookInTransaction(eventId, input, email, options));
    await this.outbox.enqueue(due);
    this.logger.log(
      registeredLogLine(eventId, result) + (onBehalf ? ` (by staff user ${onBehalf.staffUserId})` : ''),
    );
    if (result.created && result.registration?.status === 'waitlisted')
      await this.promoteAfterCommit(eventId);
    return result;
  }

  /**
   * A new public registration in one round trip to Postgres: the messages of both outcomes are
   * planned from a copy of the event (BookingEvents: kept from an earlier request, or read now),
   * and book_registration takes the locks the transaction would, in its order, and books, all in
   * one statement in autocommit, if the event's row is still the copy's. Null when the
   * transaction must answer: the address has a registration for the event already (its answer
   * emails a link, within limits), the event is not there, has changed twice under the copy, or
   * is refused (not open, an attendance it does not offer): refusals are the transaction's to
   * make, from the event under its lock, never from a copy.
   */
  private async bookInOneStatement(
    eventId: string,
    input: RegisterDto,
    email: string,
  ): Promise<{ result: Registered; due: DueNotification[] } | null> {
    // A kept copy found out of date is read again, once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const found = await this.bookingEvents.get(eventId);
      if (!found) return null;
      const { event, fingerprint } = found.read;
      try {
        this.openOrFail(event, eventId);
      } catch (error) {
        if (!(error instanceof PublishedEventNotFound || error instanceof EventNotOpen)) throw error;
        // Refused by the copy: a kept one may be out of date, so it is read again; the
        // transaction refuses (or books) from the event under its lock.
        this.bookingEvents.forget(eventId);
        if (found.kept) continue;
        return null;
      }
      let attendance: Attendance;
      try {
        attendance = attendanceFor(event, input.attendance);
      } catch (error) {
        if (!(error instanceof AttendanceRequired || error instanceof AttendanceNotOffered)) throw error;
        // The client's choice, not the copy, is most likely at fault: the copy is kept, and the
        // transaction answers from the locked event.
        return null;
      }
      const party = { attendance, companions: input.companions ?? 0 };
      const now = this.clock.now();
      const recipient = { id: randomUUID(), email, calendarRevision: 0 };
      const booked = await this.registrations.bookWithFunction(
        this.dataSource.manager,
        this.newRegistration(recipient.id, eventId, email, input, party),
        {
          fingerprint,
          places: placesFor(party, event),
          confirmedAt: now,
          publicLimit: this.publicRegistrationsPerAddress,
          ifConfirmed: this.ledger.records(confirmationMessages(recipient, event, now)),
          ifWaitlisted: this.ledger.records(waitlistedMessages(recipient, event, now)),
          positionKey: WAITLIST_POSITION,
        },
      );
      switch (booked.verdict) {
        case 'booked':
          return {
            result: { registration: booked.registration, created: true, emailed: true },
            due: this.ledger.due(booked.planned),
          };
        case 'limited':
          return { result: { registration: null, created: false, emailed: false }, due: [] };
        case 'moved':
          this.bookingEvents.forget(eventId);
          if (found.kept) continue;
          return null;
        case 'no-event':
          this.bookingEvents.forget(eventId);
          return null;
        // 'no-function': no book_registration in the database yet (an api started before its
        // migration ran).
        case 'registered':
        case 'no-function':
          return null;
      }
    }
    return null;
  }

  /**
   * A registration in a transaction: staff's, one with consents or access needs to record, and
   * whatever bookInOneStatement leaves to it. Four round trips to Postgres: the transaction's
   * start, the read, the booking, the commit (more for consents, access tasks, an audit entry).
   */
  private async bookInTransaction(
    eventId: string,
    input: RegisterDto,
    email: string,
    { onBehalf }: RegisterOptions,
  ): Promise<{ result: Registered; due: DueNotification[] }> {
    return this.dataSource.transaction(async (manager) => {
      // The public's registrations are counted under the address's lock (the count is in the
      // booking statement, after it): staff's are not counted, so they take no lock.
      const read = await this.registrations.eventAndPerson(manager, eventId, email, {
        lockAddress: !onBehalf,
      });
      const event = this.openOrFail(read?.event ?? null, eventId);
      // Checked against the event alone, before the address is looked at, so the answer is the
      // same whether or not it was registered already.
      const consents = input.partnerContactConsent ?? [];
      await this.consents.assertCohosts(manager, eventId, consents);
      const attendance = attendanceFor(event, input.attendance);
      assertNeedsFit(input.accessNeeds ?? [], attendance);
      const existing = read!.person;
      // An existing registration keeps the consents it had: anyone can type any address.
      if (existing && onBehalf) throw new AddressAlreadyHasRegistration(existing.id, existing.status);
      if (existing) {
        const due = await this.linkRequests.planFor(manager, existing, event);
        return { result: { registration: existing, created: false, emailed: due.length > 0 }, due };
      }
      const party = { attendance, companions: input.companions ?? 0 };
      const now = this.clock.now();
      // The id is made here, so that the messages of either outcome can be planned before the
      // statement that decides between them.
      const recipient = { id: randomUUID(), email, calendarRevision: 0 };
      // The places, the row and its messages in one statement: from the moment it locks the
      // event's row, the booking holds it for only the commit (plus any consents, audit entry or
      // access tasks below), not for another round trip of its own.
      const booked = await this.registrations.book(
        manager,
        {
          ...this.newRegistration(recipient.id, eventId, email, input, party),
          ...(onBehalf && { registeredByUserId: onBehalf.staffUserId, registeredVia: 'phone' as const }),
        },
        {
          places: placesFor(party, event),
          confirmedAt: now,
          publicLimit: onBehalf ? null : this.publicRegistrationsPerAddress,
          messages: (params, outcome) => ({
            confirmed: this.ledger.insertSql(confirmationMessages(recipient, event, now), params, {
              when: outcome.confirmed,
            }),
            waitlisted: this.ledger.insertSql(waitlistedMessages(recipient, event, now), params, {
              when: outcome.waitlisted,
              payloadWith: { [WAITLIST_POSITION]: outcome.waitlistPosition },
            }),
          }),
        },
      );
      if (!booked) return { result: { registration: null, created: false, emailed: false }, due: [] };
      const { registration } = booked;
      await this.consents.give(manager, registration.id, consents);
      await onBehalf?.alsoInTransaction?.(manager, registration);
      if (registration.status === 'confirmed' && registration.accessNeeds.length > 0) {
        await this.accessTasks.plan(manager, registration, event);
      }
      return {
        result: { registration, created: true, emailed: true },
        due: this.ledger.due(booked.planned),
      };
    });
  }

  /**
   * The new row's values from what the person gave, with a fresh manage-link seed: the same for
   * both ways of booking (booking-paths.int-spec compares the rows they write).
   */
  private newRegistration(
    id: string,
    eventId: string,
    email: string,
    input: RegisterDto,
    party: { attendance: Attendance; companions: number },
  ) {
    return {
      id,
      eventId,
      email,
      name: input.name,
      role: input.role,
      ...party,
      phone: input.phone?.trim() || null,
      accessNeeds: input.accessNeeds ?? [],
      accessNotes: input.accessNotes?.trim() || null,
      ...this.manageLinks.newSeed(),
    };
  }

  async getByToken(token: string): Promise<{
    registration: Registration;
    event: EventEntity;
    waitlistPosition: number | null;
    /** The co-hosts this person let contact them. */
    partnerContactConsent: ConsentPartner[];
    /** The event's co-hosts now: those they could let contact them. */
    cohosts: ConsentPartner[];
  }> {
    const registration = await this.manageLinks.findByToken(this.dataSource.manager, token);
    if (!registration) throw new RegistrationLinkNotFound();
    const event = await this.dataSource.manager.getRepository(EventEntity).findOneOrFail({
      where: { id: registration.eventId },
      relations: { venue: true },
    });
    const waitlistPosition =
      registration.status === 'waitlisted' ? await this.registrations.waitlistPosition(registration) : null;
    const manager = this.dataSource.manager;
    return {
      registration,
      event,
      waitlistPosition,
      partnerContactConsent: await this.consents.givenBy(manager, registration.id),
      cohosts: await this.consents.cohostsOf(manager, event.id),
    };
  }

  /** The event's co-hosts: the partners a person registering may let contact them. */
  cohostsOf(eventId: string): Promise<ConsentPartner[]> {
    return this.consents.cohostsOf(this.dataSource.manager, eventId);
  }

  /**
   * The holder of the manage link answers an invitation, gives up a place, changes access needs,
   * or gives or withdraws their consent to co-hosting partners contacting them.
   */
  async updateByToken(token: string, change: UpdateRegistrationDto): Promise<Registration> {
    const { registration, due } = await this.inTransaction(async (manager) => {
      const registration = await this.lockByTokenOrFail(manager, token);
      const event = await this.eventOrFail(manager, registration.eventId);
      const planned: PlannedNotification[] = [];
      if (change.accessNeeds !== undefined) {
        assertNeedsFit(change.accessNeeds, attendanceAt(registration, event));
        registration.accessNeeds = change.accessNeeds;
      }
      if (change.companions !== undefined && change.companions !== registration.companions) {
        planned.push(...(await this.changeParty(manager, registration, event, change.companions)));
      }
      if (change.accessNotes !== undefined) registration.accessNotes = change.accessNotes?.trim() || null;
      if (change.partnerContactConsent !== undefined) {
        await this.consents.replace(manager, registration.id, event.id, change.partnerContactConsent);
      }

      if (
        change.response === 'accept' &&
        ['invited', 'declined', 'cancelled'].includes(registration.status)
      ) {
        this.assertOpen(event);
        const hasPlace = await takePlace(manager, event.id, placesFor(registration, event));
        const now = this.clock.now();
        if (comesBack(registration)) registration.calendarRevision += 1;
        registration.status = hasPlace ? 'confirmed' : 'waitlisted';
        registration.confirmedAt = hasPlace ? now : null;
        registration.cancelledAt = null;
        await this.registrations.save(manager, registration);
        planned.push(
          ...(hasPlace
            ? confirmationMessages(registration, event, now)
            : waitlistedMessages(registration, event, now, {
                position: await this.registrations.waitlistPosition(registration, manager),
              })),
        );
      } else if (change.response === 'decline') {
        planned.push(...(await this.giveUp(manager, registration, event, 'declined')));
      } else {
        await this.registrations.save(manager, registration);
      }
      if (registration.status === 'confirmed') await this.accessTasks.plan(manager, registration, event);
      return { registration, due: await this.ledger.plan(manager, planned) };
    });
    await this.outbox.enqueue(due);
    // Places given back (a smaller party, a decline) or someone waitlisted (an accept that found it full).
    await this.promoteAfterCommit(registration.eventId);
    return registration;
  }

  /** Cancels through the manage link; a freed place goes to the next person waiting. */
  async cancelByToken(token: string): Promise<Registration> {
    const { registration, due } = await this.inTransaction(async (manager) => {
      const registration = await this.lockByTokenOrFail(manager, token);
      const event = await this.eventOrFail(manager, registration.eventId);
      const planned = await this.giveUp(manager, registration, event, 'cancelled');
      return { registration, due: await this.ledger.plan(manager, planned) };
    });
    await this.outbox.enqueue(due);
    this.logger.log(`Registration ${registration.id} cancelled`);
    await this.promoteAfterCommit(registration.eventId);
    return registration;
  }

  /**
   * Moves a registration to declined or cancelled. If it held a place, the place is released and
   * the longest-waiting person is promoted (and told) in the same transaction.
   */
  private async giveUp(
    manager: EntityManager,
    registration: Registration,
    event: EventEntity,
    status: 'declined' | 'cancelled',
  ): Promise<PlannedNotification[]> {
    if (registration.status === 'attended') throw new AlreadyAttended(registration.id);
    if (registration.status === status) return [];
    const heldPlace = registration.status === 'confirmed';
    const now = this.clock.now();
    registration.status = status;
    registration.cancelledAt = now;
    // Their calendar holds the event with a place: it gets a CANCEL whose SEQUENCE is above the
    // last REQUEST's, hence the raised revision.
    if (heldPlace) registration.calendarRevision += 1;
    await this.registrations.save(manager, registration);
    await this.ledger.supersedeForRegistration(manager, registration.id);
    await this.accessTasks.cancelFor(manager, registration.id);
    if (!heldPlace) return [];
    // Every place the party held is freed at once: the person's and each companion's.
    await releasePlace(manager, event.id, placesFor(registration, event));
    const told = event.status === 'published' ? registrationCancelledMessages(registration, event, now) : [];
    return [...told, ...(await this.promote(manager, event))];
  }

  /**
   * A new number of companions. Someone with a place takes the extra places in one conditional
   * UPDATE (all of them or none: refused with the number still free when they do not fit), or
   * gives back the ones no longer needed, which go to the people waiting. Someone waiting or
   * invited simply has a bigger or smaller party when their turn comes.
   */
  private async changeParty(
    manager: EntityManager,
    registration: Registration,
    event: EventEntity,
    companions: number,
  ): Promise<PlannedNotification[]> {
    const before = placesFor(registration, event);
    const after = placesFor({ attendance: registration.attendance, companions }, event);
    registration.companions = companions;
    if (registration.status !== 'confirmed' || after === before) return [];
    if (after > before) {
      if (!(await takePlace(manager, event.id, after - before))) {
        const current = await manager.getRepository(EventEntity).findOneByOrFail({ id: event.id });
        const free = current.capacity === null ? 0 : Math.max(0, current.capacity - current.placesTaken);
        throw new PartyDoesNotFit(after - before, free);
      }
      return [];
    }
    await releasePlace(manager, event.id, before - after);
    await this.registrations.save(manager, registration);
    return this.promote(manager, event);
  }

  /**
   * Places freed without anyone leaving (staff raised the capacity) go to the people waiting,
   * inside the caller's transaction (which holds the event FOR UPDATE); returns their `promoted`
   * messages to plan.
   */
  async promoteIntoFreePlaces(manager: EntityManager, event: EventEntity): Promise<PlannedNotification[]> {
    return this.promote(manager, event);
  }

  /**
   * Promotes into any place still free once a transaction that waitlisted someone or gave places
   * back (a cancellation, a decline, a smaller party, a capacity raised, an attendance undone) has
   * committed. Each of those promotes what it can see, but two at once cannot see each other's
   * uncommitted work: a booking that found the event full while a cancellation's freed place was
   * not yet committed is waitlisted (its UPDATE judges the row as its snapshot has it, and does not
   * wait), and the cancellation's promotion, run before the booking committed, found no one
   * waiting. Both check again here once committed; whichever committed second sees the other's
   * work, so a place is not left free while someone waits. One unlocked read when there is nothing
   * to do. Failing here does not undo what was committed: it is logged, and the next change to the
   * event checks again.
   */
  async promoteAfterCommit(eventId: string): Promise<void> {
    try {
      if (!(await this.registrations.placeFreeWhileWaiting(this.dataSource.manager, eventId))) return;
      const due = await this.dataSource.transaction(async (manager) => {
        // The event's row before the line (not FOR KEY SHARE): two of these at once would otherwise
        // each lock the part of the line their snapshot saw, and the one holding only later people
        // could take the free place first.
        const event = await lockForPromotion(manager, eventId);
        return event ? this.ledger.plan(manager, await this.promote(manager, event)) : [];
      });
      await this.outbox.enqueue(due);
    } catch (error) {
      this.logger.warn(
        `Event ${eventId}: the check for free places after a commit failed (${error instanceof Error ? error.message : String(error)}); the next change checks again`,
      );
    }
  }

  /**
   * Confirms the waiting parties that fit the free places, in a fixed number of statements however
   * many they are: the waiting are locked (longest first), the parties that fit are chosen in
   * order and their places taken in one UPDATE (takePlacesForParties: first in, first out, but a
   * party too big for the places free is passed over for the smaller ones behind it, and keeps its
   * turn for the next places freed), they are confirmed in one UPDATE and their access tasks
   * planned together. Returns their messages to plan.
   */
  private async promote(manager: EntityManager, event: EventEntity): Promise<PlannedNotification[]> {
    if (event.status !== 'published' || event.startsAt <= this.clock.now()) return [];
    const waiting = await this.registrations.longestWaiting(manager, event.id, null);
    const chosen = await takePlacesForParties(
      manager,
      event.id,
      waiting.map((registration) => placesFor(registration, event)),
    );
    const promoted = chosen.map((index) => waiting[index]);
    if (promoted.length === 0) return [];
    const now = this.clock.now();
    await this.registrations.confirm(
      manager,
      promoted.map((registration) => registration.id),
      now,
    );
    for (const registration of promoted) {
      registration.status = 'confirmed';
      registration.confirmedAt = now;
    }
    await this.accessTasks.planMany(manager, promoted, event);
    this.logger.log(
      `Registration(s) ${promoted.map((registration) => registration.id).join(', ')} promoted from the waitlist of event ${event.id}`,
    );
    // The worker derives their manage link for every message, so "a place has come up" links too.
    return promoted.flatMap((registration) =>
      confirmationMessages(registration, event, now, { promoted: true }),
    );
  }

  private openOrFail(event: EventEntity | null, eventId: string): EventEntity {
    if (!event || event.publishedAt === null) throw new PublishedEventNotFound(eventId);
    this.assertOpen(event);
    return event;
  }

  private assertOpen(event: EventEntity): void {
    if (event.status === 'cancelled') throw EventNotOpen.cancelled();
    if (event.status !== 'published') throw new PublishedEventNotFound(event.id);
    if (event.startsAt <= this.clock.now()) throw EventNotOpen.started();
  }

  private async eventOrFail(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await shareForPlanning(manager, eventId);
    if (!event) throw new EventNotFound(eventId);
    return event;
  }

  private async lockByTokenOrFail(manager: EntityManager, token: string): Promise<Registration> {
    const registration = await this.manageLinks.findByToken(manager, token, true);
    if (!registration) throw new RegistrationLinkNotFound();
    return registration;
  }

  /** Two requests for one address at once: the loser is told, not given a 500. */
  private async inTransaction<T extends { due: DueNotification[] }>(
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyRegistered();
      throw error;
    }
  }
}

/**
 * Whether bookInOneStatement may book it: a registration the public makes with nothing to record
 * beside the row and its messages. Staff's registrations (an audit entry, no address limit),
 * consents to co-hosts (checked against the event, then written) and access needs (staff tasks
 * for a place) take the transaction.
 */
function bookableInOneStatement(input: RegisterDto, { onBehalf }: RegisterOptions): boolean {
  return (
    !onBehalf && (input.partnerContactConsent ?? []).length === 0 && (input.accessNeeds ?? []).length === 0
  );
}

/** What happened, by ids only (whether an address was known is for the log, never the answer). */
function registeredLogLine(eventId: string, { registration, created, emailed }: Registered): string {
  if (!registration)
    return `Public registration for event ${eventId} refused: the address's daily limit is reached`;
  if (created) return `Registration ${registration.id} for event ${eventId}: ${registration.status}`;
  return `Registration ${registration.id} for event ${eventId}: registered again, unchanged; link ${emailed ? 'emailed' : 'not emailed (limit)'}`;
}

/** Someone who cancelled or declined taking a place again: their calendar item comes back. */
function comesBack(registration: Registration): boolean {
  return registration.status === 'cancelled' || registration.status === 'declined';
}

/** How this person takes part: their choice at a hybrid event, the event's own format otherwise. */
function attendanceFor(event: EventEntity, chosen: Attendance | undefined): Attendance {
  const implied = impliedAttendance(event);
  if (implied === null) {
    if (chosen === undefined) throw new AttendanceRequired();
    return chosen;
  }
  if (chosen !== undefined && chosen !== implied) throw new AttendanceNotOffered(chosen, implied);
  return implied;
}

/** Needs are offered by how someone takes part: a hearing loop is no use on a video call. */
function assertNeedsFit(needs: readonly string[], attendance: Attendance): void {
  const misfits = needsThatDoNotFit(needs, attendance);
  if (misfits.length > 0) throw new AccessNeedsDoNotFit(misfits, attendance);
}
