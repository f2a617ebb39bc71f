import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EventEntity } from '@roundtable/events';
import {
  NotificationLedger,
  NotificationOutbox,
  type DueNotification,
  type PlannedNotification,
} from '@roundtable/notifications';
import { Clock, hashSecretToken, isUniqueViolation, normaliseEmail } from '@roundtable/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTasksPlanner } from './access-tasks.planner';
import { ManageLinkRequests } from './manage-links/manage-link-requests.service';
import { ManageLinks } from './manage-links/manage-links.service';
import type { RegisterDto, UpdateRegistrationDto } from './dto/registration.dto';
import {
  confirmationMessages,
  registrationCancelledMessages,
  waitlistedMessages,
} from './registration-messages';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';

/**
 * What a public registration did. For the service's callers and tests only: the HTTP answer is
 * the same whatever happened (whether the address was already registered is personal).
 */
export interface Registered {
  /** The address's registration for the event: new, or the one it already had (unchanged). */
  registration: Registration;
  /** False when the address already had a registration, which was left as it was. */
  created: boolean;
  /** Whether an email was planned: always for a new one; for an existing one, within the limits. */
  emailed: boolean;
}

@Injectable()
export class RegistrationsService {
  private readonly logger = new Logger(RegistrationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly accessTasks: AccessTasksPlanner,
    private readonly manageLinks: ManageLinks,
    private readonly linkRequests: ManageLinkRequests,
    private readonly clock: Clock,
  ) {}

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
  async register(eventId: string, input: RegisterDto): Promise<Registered> {
    try {
      return await this.registerOnce(eventId, input);
    } catch (error) {
      // The same address registered twice at once: the loser finds the winner's row, and is
      // answered as for any existing registration, not with an error that would tell them so.
      if (!isUniqueViolation(error)) throw error;
      return this.registerOnce(eventId, input);
    }
  }

  private async registerOnce(eventId: string, input: RegisterDto): Promise<Registered> {
    const email = normaliseEmail(input.email);
    const { result, due } = await this.dataSource.transaction(async (manager) => {
      const event = await this.openEventOrFail(manager, eventId);
      const existing = await this.registrations.findForPerson(manager, eventId, email);
      if (existing) {
        const due = await this.linkRequests.planFor(manager, existing, event);
        return { result: { registration: existing, created: false, emailed: due.length > 0 }, due };
      }
      const hasPlace = await this.registrations.takePlace(manager, eventId);
      const now = this.clock.now();
      const registration = await this.registrations.insert(manager, {
        eventId,
        email,
        name: input.name,
        role: input.role,
        accessNeeds: input.accessNeeds ?? [],
        accessNotes: input.accessNotes?.trim() || null,
        ...this.manageLinks.newSeed(),
        status: hasPlace ? 'confirmed' : 'waitlisted',
        confirmedAt: hasPlace ? now : null,
      });
      const messages = hasPlace
        ? confirmationMessages(registration, event, now)
        : waitlistedMessages(registration, event, now, {
            position: await this.registrations.waitlistPosition(registration, manager),
          });
      if (hasPlace && registration.accessNeeds.length > 0) {
        await this.accessTasks.plan(manager, registration, event);
      }
      return {
        result: { registration, created: true, emailed: true },
        due: await this.ledger.plan(manager, messages),
      };
    });
    await this.outbox.enqueue(due);
    this.logger.log(
      result.created
        ? `Registration ${result.registration.id} for event ${eventId}: ${result.registration.status}`
        : `Registration ${result.registration.id} for event ${eventId}: registered again, unchanged; link ${result.emailed ? 'emailed' : 'not emailed (limit)'}`,
    );
    return result;
  }

  async getByToken(
    token: string,
  ): Promise<{ registration: Registration; event: EventEntity; waitlistPosition: number | null }> {
    const registration = await this.registrations.findByTokenHash(
      this.dataSource.manager,
      hashSecretToken(token),
    );
    if (!registration)
      throw new NotFoundException('this link does not match a registration: check it is complete');
    const event = await this.dataSource.manager.getRepository(EventEntity).findOneOrFail({
      where: { id: registration.eventId },
      relations: { venue: true },
    });
    const waitlistPosition =
      registration.status === 'waitlisted' ? await this.registrations.waitlistPosition(registration) : null;
    return { registration, event, waitlistPosition };
  }

  /** The holder of the manage link answers an invitation, gives up a place, or changes access needs. */
  async updateByToken(token: string, change: UpdateRegistrationDto): Promise<Registration> {
    const { registration, due } = await this.inTransaction(async (manager) => {
      const registration = await this.lockByTokenOrFail(manager, token);
      const event = await this.eventOrFail(manager, registration.eventId);
      const planned: PlannedNotification[] = [];
      if (change.accessNeeds !== undefined) registration.accessNeeds = change.accessNeeds;
      if (change.accessNotes !== undefined) registration.accessNotes = change.accessNotes?.trim() || null;

      if (
        change.response === 'accept' &&
        ['invited', 'declined', 'cancelled'].includes(registration.status)
      ) {
        this.assertOpen(event);
        const hasPlace = await this.registrations.takePlace(manager, event.id);
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
    if (registration.status === 'attended')
      throw new ConflictException('attendance has been recorded for this registration');
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
    await this.registrations.releasePlace(manager, event.id);
    const told = event.status === 'published' ? registrationCancelledMessages(registration, event, now) : [];
    return [...told, ...(await this.promoteNext(manager, event))];
  }

  /**
   * Places freed without anyone leaving (staff raised the capacity) go to the people waiting,
   * longest first, inside the caller's transaction; returns their `promoted` messages to plan.
   */
  async promoteIntoFreePlaces(manager: EntityManager, event: EventEntity): Promise<PlannedNotification[]> {
    const planned: PlannedNotification[] = [];
    // Each round confirms one person or stops: no one left waiting, or no place left.
    for (;;) {
      const promoted = await this.promoteNext(manager, event);
      if (promoted.length === 0) return planned;
      planned.push(...promoted);
    }
  }

  private async promoteNext(manager: EntityManager, event: EventEntity): Promise<PlannedNotification[]> {
    if (event.status !== 'published' || event.startsAt <= this.clock.now()) return [];
    const next = await this.registrations.nextWaitlisted(manager, event.id);
    if (!next || !(await this.registrations.takePlace(manager, event.id))) return [];
    const now = this.clock.now();
    next.status = 'confirmed';
    next.confirmedAt = now;
    await this.registrations.save(manager, next);
    await this.accessTasks.plan(manager, next, event);
    this.logger.log(`Registration ${next.id} promoted from the waitlist of event ${event.id}`);
    // The worker derives their manage link for every message, so "a place has come up" links too.
    return confirmationMessages(next, event, now, { promoted: true });
  }

  private async openEventOrFail(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await this.readEventKeyShared(manager, eventId);
    if (!event || event.publishedAt === null)
      throw new NotFoundException(`no published event with id ${eventId}`);
    this.assertOpen(event);
    return event;
  }

  private assertOpen(event: EventEntity): void {
    if (event.status === 'cancelled') throw new ConflictException('this event has been cancelled');
    if (event.status !== 'published') throw new NotFoundException(`no published event with id ${event.id}`);
    if (event.startsAt <= this.clock.now()) throw new ConflictException('this event has already started');
  }

  private async eventOrFail(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await this.readEventKeyShared(manager, eventId);
    if (!event) throw new NotFoundException(`no event with id ${eventId}`);
    return event;
  }

  /**
   * Reads the event FOR KEY SHARE: registrations do not wait for each other (it goes with the
   * place-taking UPDATE), but an event change (which locks the row FOR UPDATE) and a registration
   * are ordered: a registration planned during a reschedule sees the new sequence, and a
   * reschedule starting after it sees the registration, so nobody's messages are left stale.
   */
  private readEventKeyShared(manager: EntityManager, eventId: string): Promise<EventEntity | null> {
    return manager
      .getRepository(EventEntity)
      .findOne({ where: { id: eventId }, lock: { mode: 'for_key_share' } });
  }

  private async lockByTokenOrFail(manager: EntityManager, token: string): Promise<Registration> {
    const registration = await this.registrations.findByTokenHash(manager, hashSecretToken(token), true);
    if (!registration)
      throw new NotFoundException('this link does not match a registration: check it is complete');
    return registration;
  }

  /** Two requests for one address at once: the loser is told, not given a 500. */
  private async inTransaction<T extends { due: DueNotification[] }>(
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictException('this email address is already registered for this event');
      throw error;
    }
  }
}

/** Someone who cancelled or declined taking a place again: their calendar item comes back. */
function comesBack(registration: Registration): boolean {
  return registration.status === 'cancelled' || registration.status === 'declined';
}
