import { Injectable } from '@nestjs/common';
import { EventEntity, Venue, type EventTransition } from '@roundtable/events';
import { Clock } from '@roundtable/platform';
import { EntityManager } from 'typeorm';
import { AccessTask } from './access-task.entity';
import { planAccessNeeds, type AccessNeed } from './access-needs';
import { accessTaskDueAt } from './access-task-rules';
import type { Registration } from '../registrations/registration.entity';

/**
 * Turns a confirmed person's access needs into tasks for staff, keeping them in step as needs
 * change and as the event moves. What staff have arranged is never undone here: an arranged task
 * stays arranged whatever the person changes (a need removed stays on record as arranged, and
 * added back is still arranged); only open tasks are cancelled, reopened or given new due dates.
 */
@Injectable()
export class AccessTasksPlanner {
  constructor(private readonly clock: Clock) {}

  plan(manager: EntityManager, registration: Registration, event: EventEntity): Promise<void> {
    return this.planMany(manager, [registration], event);
  }

  /**
   * The same for many confirmed people of one event (a promotion from the waiting list) in a
   * fixed number of statements, however many they are: the venue read once, one INSERT, one UPDATE.
   */
  async planMany(
    manager: EntityManager,
    registrations: readonly Registration[],
    event: EventEntity,
  ): Promise<void> {
    if (registrations.length === 0) return;
    // Most people ask for nothing: then the venue's features cannot matter, so it is not read.
    const venue =
      event.venueId && registrations.some((registration) => registration.accessNeeds.length > 0)
        ? await manager.getRepository(Venue).findOneBy({ id: event.venueId })
        : null;
    const wanted = registrations.flatMap((registration) =>
      planAccessNeeds(registration.accessNeeds as AccessNeed[], venue?.accessFeatures ?? null).toArrange.map(
        (need) => ({ registrationId: registration.id, need }),
      ),
    );
    const registrationIds = wanted.map((task) => task.registrationId);
    const needs = wanted.map((task) => task.need);
    if (wanted.length > 0) {
      // A new need is a new open task. One asked for before and withdrawn (cancelled) opens again
      // as if new: due by today's rule, no note, not yet alerted. An open or arranged task is
      // left exactly as it is: staff's work and its due date stand.
      await manager.query(
        `INSERT INTO access_tasks (event_id, registration_id, need, due_at, status)
         SELECT $1, wanted.registration_id, wanted.need, $2, 'open'
           FROM unnest($3::uuid[], $4::text[]) AS wanted(registration_id, need)
         ON CONFLICT ON CONSTRAINT access_tasks_one_per_need DO UPDATE
            SET status = 'open', due_at = EXCLUDED.due_at, arranged_at = NULL, note = NULL,
                late_alerted_at = NULL, updated_at = now()
          WHERE access_tasks.status = 'cancelled'`,
        [event.id, accessTaskDueAt(event.startsAt, this.clock.now()), registrationIds, needs],
      );
    }
    // Needs no longer asked for are no longer tasks (an arranged one stays on record).
    await manager.query(
      `UPDATE access_tasks task SET status = 'cancelled', updated_at = now()
        WHERE task.status = 'open' AND task.registration_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::text[]) AS wanted(registration_id, need)
                           WHERE wanted.registration_id = task.registration_id AND wanted.need = task.need)`,
      [registrations.map((registration) => registration.id), registrationIds, needs],
    );
  }

  /**
   * The event's start moved: every open task is due by the same rule as when it was planned,
   * counted from the new start and from now (so a task is never late the moment the event moves
   * closer). Its late alert is forgotten, so staff are told again if it is late by its new date;
   * an alert still waiting to go was superseded with the event's old sequence. Arranged and
   * cancelled tasks keep their dates. A change of place only does nothing here.
   */
  async followEventTimes(manager: EntityManager, { before, after }: EventTransition): Promise<void> {
    if (before.startsAt.getTime() === after.startsAt.getTime()) return;
    const dueAt = accessTaskDueAt(after.startsAt, this.clock.now());
    await manager
      .getRepository(AccessTask)
      .createQueryBuilder()
      .update()
      .set({ dueAt, lateAlertedAt: null })
      .where("eventId = :eventId AND status = 'open'", { eventId: after.id })
      .execute();
  }

  async cancelFor(manager: EntityManager, registrationId: string): Promise<void> {
    await manager
      .getRepository(AccessTask)
      .update({ registrationId, status: 'open' }, { status: 'cancelled' });
  }

  /** The event is off: nothing is left to arrange (an arranged task stays on record). */
  async cancelForEvent(manager: EntityManager, eventId: string): Promise<void> {
    await manager.getRepository(AccessTask).update({ eventId, status: 'open' }, { status: 'cancelled' });
  }
}
