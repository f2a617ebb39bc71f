import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EventEntity } from '@roundtable/events';
import {
  NotificationLedger,
  NotificationOutbox,
  type DueNotification,
  type PlannedNotification,
} from '@roundtable/notifications';
import {
  Clock,
  hashSecretToken,
  isUniqueViolation,
  newSecretToken,
  normaliseEmail,
} from '@roundtable/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTasksPlanner } from './access-tasks.planner';
import type { RegisterDto, UpdateRegistrationDto } from './dto/registration.dto';
import {
  confirmationMessages,
  registrationCancelledMessages,
  waitlistedMessages,
} from './registration-messages';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';

export interface Registered {
  registration: Registration;
  /** The private manage link's secret, shown once; only its hash is stored. */
  manageToken: string;
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
    private readonly clock: Clock,
  ) {}

  /**
   * A member of the public asks for a place: confirmed while places last, otherwise waitlisted in
   * arrival order. The confirmation (or waitlist) email, reminders and access tasks are planned
   * in the same transaction and sent after it commits.
   */
  async register(eventId: string, input: RegisterDto, requestId?: string): Promise<Registered> {
    const email = normaliseEmail(input.email);
    const manageToken = newSecretToken('rtm');
    const { registration, due } = await this.inTransaction(async (manager) => {
      const event = await this.openEventOrFail(manager, eventId);
      const existing = await this.registrations.findForPerson(manager, eventId, email);
      if (existing && ['confirmed', 'waitlisted', 'attended'].includes(existing.status)) {
        throw new ConflictException(
          'this email address is already registered for this event: use the link in your confirmation email to change it',
        );
      }
      const hasPlace = await this.registrations.takePlace(manager, eventId);
      const now = this.clock.now();
      const values: Partial<Registration> = {
        // Back after cancelling or declining: their calendar took the item away, so the next
        // invite must carry a higher SEQUENCE than that CANCEL did (see calendarRevision).
        ...(existing && { calendarRevision: existing.calendarRevision + (comesBack(existing) ? 1 : 0) }),
        name: input.name,
        role: input.role,
        accessNeeds: input.accessNeeds ?? [],
        accessNotes: input.accessNotes?.trim() || null,
        manageTokenHash: hashSecretToken(manageToken),
        status: hasPlace ? 'confirmed' : 'waitlisted',
        confirmedAt: hasPlace ? now : null,
        cancelledAt: null,
      };
      // Someone invited (or who declined or cancelled before) registering now keeps one row, so
      // their calendar UID stays the same.
      const registration = existing
        ? await this.registrations.save(manager, Object.assign(existing, values))
        : await this.registrations.insert(manager, { ...values, eventId, email });
      const position = hasPlace
        ? undefined
        : await this.registrations.waitlistPosition(registration, manager);
      const messages = hasPlace
        ? confirmationMessages(registration, event, now, { manageToken, requestId })
        : waitlistedMessages(registration, event, now, { manageToken, position, requestId });
      // A row made just now has no tasks yet: without needs there is nothing to plan or cancel.
      if (hasPlace && (existing || registration.accessNeeds.length > 0)) {
        await this.accessTasks.plan(manager, registration, event);
      }
      return { registration, due: await this.ledger.plan(manager, messages) };
    });
    await this.outbox.enqueue(due, requestId);
    this.logger.log(`Registration ${registration.id} for event ${eventId}: ${registration.status}`);
    return { registration, manageToken };
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
  async updateByToken(
    token: string,
    change: UpdateRegistrationDto,
    requestId?: string,
  ): Promise<Registration> {
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
            ? confirmationMessages(registration, event, now, { manageToken: token, requestId })
            : waitlistedMessages(registration, event, now, {
                manageToken: token,
                position: await this.registrations.waitlistPosition(registration, manager),
                requestId,
              })),
        );
      } else if (change.response === 'decline') {
        planned.push(...(await this.giveUp(manager, registration, event, 'declined', requestId)));
      } else {
        await this.registrations.save(manager, registration);
      }
      if (registration.status === 'confirmed') await this.accessTasks.plan(manager, registration, event);
      return { registration, due: await this.ledger.plan(manager, planned) };
    });
    await this.outbox.enqueue(due, requestId);
    return registration;
  }

  /** Cancels through the manage link; a freed place goes to the next person waiting. */
  async cancelByToken(token: string, requestId?: string): Promise<Registration> {
    const { registration, due } = await this.inTransaction(async (manager) => {
      const registration = await this.lockByTokenOrFail(manager, token);
      const event = await this.eventOrFail(manager, registration.eventId);
      const planned = await this.giveUp(manager, registration, event, 'cancelled', requestId);
      return { registration, due: await this.ledger.plan(manager, planned) };
    });
    await this.outbox.enqueue(due, requestId);
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
    requestId?: string,
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
    const told =
      event.status === 'published' ? registrationCancelledMessages(registration, event, now, requestId) : [];
    return [...told, ...(await this.promoteNext(manager, event, requestId))];
  }

  /**
   * Places freed without anyone leaving (staff raised the capacity) go to the people waiting,
   * longest first, inside the caller's transaction; returns their `promoted` messages to plan.
   */
  async promoteIntoFreePlaces(
    manager: EntityManager,
    event: EventEntity,
    requestId?: string,
  ): Promise<PlannedNotification[]> {
    const planned: PlannedNotification[] = [];
    // Each round confirms one person or stops: no one left waiting, or no place left.
    for (;;) {
      const promoted = await this.promoteNext(manager, event, requestId);
      if (promoted.length === 0) return planned;
      planned.push(...promoted);
    }
  }

  private async promoteNext(
    manager: EntityManager,
    event: EventEntity,
    requestId?: string,
  ): Promise<PlannedNotification[]> {
    if (event.status !== 'published' || event.startsAt <= this.clock.now()) return [];
    const next = await this.registrations.nextWaitlisted(manager, event.id);
    if (!next || !(await this.registrations.takePlace(manager, event.id))) return [];
    const now = this.clock.now();
    next.status = 'confirmed';
    next.confirmedAt = now;
    await this.registrations.save(manager, next);
    await this.accessTasks.plan(manager, next, event);
    // Their waitlisted notice may still be pending with the token: the new messages link with it.
    const tokens = await this.ledger.pendingManageTokens(manager, event.id, [next.id]);
    this.logger.log(`Registration ${next.id} promoted from the waitlist of event ${event.id}`);
    return confirmationMessages(next, event, now, {
      promoted: true,
      manageToken: tokens.get(next.id),
      requestId,
    });
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
