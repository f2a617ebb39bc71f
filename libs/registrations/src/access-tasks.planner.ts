import { Injectable } from '@nestjs/common';
import { EventEntity, Venue } from '@roundtable/events';
import { Clock } from '@roundtable/platform';
import { EntityManager } from 'typeorm';
import { AccessTask } from './access-task.entity';
import { planAccessNeeds, type AccessNeed } from './access-needs';
import { accessTaskDueAt } from './access-tasks/access-task-rules';
import type { Registration } from './registration.entity';

/** Turns a confirmed person's access needs into tasks for staff, keeping them in step as needs change. */
@Injectable()
export class AccessTasksPlanner {
  constructor(private readonly clock: Clock) {}

  async plan(manager: EntityManager, registration: Registration, event: EventEntity): Promise<void> {
    const needs = registration.accessNeeds as AccessNeed[];
    // Most people ask for nothing: then the venue's features cannot matter, so it is not read.
    const venue =
      needs.length > 0 && event.venueId
        ? await manager.getRepository(Venue).findOneBy({ id: event.venueId })
        : null;
    const { toArrange } = planAccessNeeds(needs, venue?.accessFeatures ?? null);
    const dueAt = accessTaskDueAt(event.startsAt, this.clock.now());
    const tasks = manager.getRepository(AccessTask);
    if (toArrange.length > 0) {
      await tasks
        .createQueryBuilder()
        .insert()
        .values(
          toArrange.map((need) => ({
            eventId: event.id,
            registrationId: registration.id,
            need,
            dueAt,
            status: 'open' as const,
          })),
        )
        .orUpdate(['status'], ['registration_id', 'need'], { skipUpdateIfNoValuesChanged: true })
        .execute();
    }
    // Needs no longer asked for are no longer tasks (an arranged one stays on record).
    const query = tasks
      .createQueryBuilder()
      .update()
      .set({ status: 'cancelled' })
      .where("registrationId = :id AND status = 'open'", { id: registration.id });
    if (toArrange.length > 0) query.andWhere('need NOT IN (:...needs)', { needs: toArrange });
    await query.execute();
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
