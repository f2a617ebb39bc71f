import { Injectable, Logger } from '@nestjs/common';
import { EventEntity, EventNotFound, releasePlace } from '@roundtable/events';
import { NotificationLedger, NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { Clock, InvalidInput, ruleBroken } from '@roundtable/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { NotAttended, RegistrationNotInEvent } from '../errors';
import { Registration } from '../registrations/registration.entity';
import { RegistrationsService } from '../registrations/registrations.service';
import { assertCheckInOpen } from './attendance-window';

export interface AttendanceCounts {
  /** Marked attended by this request. */
  marked: number;
  /** Named in the request and already marked attended before it. */
  alreadyAttended: number;
  /** Everyone marked attended at this event now. */
  attended: number;
  /** Everyone with a place not (yet) marked attended. */
  notYetAttended: number;
}

/** Who came: staff check people in on the day, and can undo a check-in made by mistake. */
@Injectable()
export class AttendanceService {
  private readonly logger = new Logger(AttendanceService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registrationsService: RegistrationsService,
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Marks confirmed people attended, all or none: an id that is not a registration for this
   * event, or someone without a place (cancelled, waitlisted…), refuses the whole request with a
   * 400 naming them. Someone already attended is fine, and an id listed twice counts once.
   */
  async mark(eventId: string, registrationIds: readonly string[]): Promise<AttendanceCounts> {
    const ids = [...new Set(registrationIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0)
      throw new InvalidInput([
        ruleBroken(
          'at-least-one-registration',
          'registrationIds must list at least one registration',
          'registrationIds',
        ),
      ]);
    const counts = await this.dataSource.transaction(async (manager) => {
      await this.checkInOpenEvent(manager, eventId);
      const found = await manager.getRepository(Registration).find({
        where: { eventId, id: In(ids) },
        lock: { mode: 'pessimistic_write' },
      });
      const byId = new Map(found.map((registration) => [registration.id, registration]));
      const unknown = ids.filter((id) => !byId.has(id));
      const withoutPlace = found.filter((r) => r.status !== 'confirmed' && r.status !== 'attended');
      const problems = [
        ...(unknown.length
          ? [
              ruleBroken(
                'registration-in-event',
                `these are not registrations for this event: ${unknown.join(', ')}`,
                'registrationIds',
                { registrationIds: unknown },
              ),
            ]
          : []),
        ...withoutPlace.map((r) =>
          ruleBroken(
            'attend-with-a-place',
            `registration ${r.id} is ${r.status}, so it cannot be marked attended: only people with a place can`,
            'registrationIds',
            { registrationId: r.id, status: r.status },
          ),
        ),
      ];
      if (problems.length) throw new InvalidInput(problems);
      const toMark = found.filter((r) => r.status === 'confirmed').map((r) => r.id);
      if (toMark.length) {
        await manager
          .getRepository(Registration)
          .update({ id: In(toMark) }, { status: 'attended', attendedAt: this.clock.now() });
      }
      return { marked: toMark.length, alreadyAttended: found.length - toMark.length };
    });
    this.logger.log(`Event ${eventId}: ${counts.marked} marked attended`);
    return { ...counts, ...(await this.totals(eventId)) };
  }

  /**
   * Undoes a check-in made by mistake: attended goes back to confirmed. Undoing twice is harmless.
   * A walk-in has no booking to go back to: undoing one removes it (cancelled), and gives back the
   * place it took, if it took one; that place goes to the people waiting, as when someone cancels
   * (told by email once the change commits; only before the event starts, as for a cancellation).
   */
  async undo(
    eventId: string,
    registrationId: string,
  ): Promise<{ undone: number } & Pick<AttendanceCounts, 'attended' | 'notYetAttended'>> {
    const { undone, due } = await this.dataSource.transaction(async (manager) => {
      const nothing = { undone: 0, due: [] as DueNotification[] };
      const event = await this.checkInOpenEvent(manager, eventId, { window: false });
      const registration = await manager.getRepository(Registration).findOne({
        where: { eventId, id: registrationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!registration) throw new RegistrationNotInEvent(registrationId);
      if (registration.status === 'confirmed') return nothing;
      if (registration.registeredVia === 'walk_in' && registration.status === 'cancelled') return nothing;
      if (registration.status !== 'attended') {
        throw new NotAttended(registrationId, registration.status);
      }
      if (registration.registeredVia === 'walk_in') {
        await manager
          .getRepository(Registration)
          .update({ id: registration.id }, { status: 'cancelled', cancelledAt: this.clock.now() });
        if (registration.withoutPlace) return { undone: 1, due: [] };
        await releasePlace(manager, eventId);
        const promoted = await this.registrationsService.promoteIntoFreePlaces(manager, event);
        return { undone: 1, due: await this.ledger.plan(manager, promoted) };
      }
      await manager
        .getRepository(Registration)
        .update({ id: registration.id }, { status: 'confirmed', attendedAt: null });
      return { undone: 1, due: [] };
    });
    await this.outbox.enqueue(due);
    if (undone) {
      this.logger.log(`Event ${eventId}: attendance of registration ${registrationId} undone`);
      await this.registrationsService.promoteAfterCommit(eventId);
    }
    return { undone, ...(await this.totals(eventId)) };
  }

  /** Drafts and cancelled events have no attendance; a check-in before the day is refused too. */
  private async checkInOpenEvent(
    manager: EntityManager,
    eventId: string,
    options: { window: boolean } = { window: true },
  ): Promise<EventEntity> {
    const event = await manager.getRepository(EventEntity).findOne({ where: { id: eventId } });
    if (!event) throw new EventNotFound(eventId);
    assertCheckInOpen(event, this.clock.now(), options);
    return event;
  }

  private async totals(eventId: string): Promise<Pick<AttendanceCounts, 'attended' | 'notYetAttended'>> {
    const rows: Array<{ status: string; count: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM registrations
        WHERE event_id = $1 AND status IN ('confirmed', 'attended') GROUP BY status`,
      [eventId],
    );
    const count = (status: string) => rows.find((row) => row.status === status)?.count ?? 0;
    return { attended: count('attended'), notYetAttended: count('confirmed') };
  }
}
