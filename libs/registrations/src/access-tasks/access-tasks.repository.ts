import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AccessTask } from './access-task.entity';

/** A late task the alert job found, with what it needs to address the staff email. */
export interface LateTaskToAlert {
  id: string;
  eventId: string;
  eventSequence: number;
  /** The email of the member of staff who created the event, if they are still a user. */
  creatorEmail: string | null;
}

/** The SQL of access tasks: staff lists, arranging one, and finding late ones to alert. */
@Injectable()
export class AccessTasksRepository {
  constructor(@InjectRepository(AccessTask) private readonly tasks: Repository<AccessTask>) {}

  /**
   * An event's tasks with the attendee's registration: open ones first, soonest due first (late
   * ones are therefore at the top), then arranged, then cancelled.
   */
  listForEvent(eventId: string, page: { limit: number; offset: number }): Promise<[AccessTask[], number]> {
    return (
      this.tasks
        .createQueryBuilder('task')
        .innerJoinAndSelect('task.registration', 'registration')
        .where('task.eventId = :eventId', { eventId })
        .orderBy(`CASE task.status WHEN 'open' THEN 0 WHEN 'arranged' THEN 1 ELSE 2 END`, 'ASC')
        .addOrderBy('task.dueAt', 'ASC')
        .addOrderBy('task.need', 'ASC')
        .addOrderBy('task.id', 'ASC')
        // One registration per task, so plain LIMIT/OFFSET pages correctly (and allow the CASE).
        .limit(page.limit)
        .offset(page.offset)
        .getManyAndCount()
    );
  }

  /** One task with the attendee's registration, for staff. */
  findWithRegistration(id: string): Promise<AccessTask | null> {
    return this.tasks.findOne({ where: { id }, relations: { registration: true } });
  }

  /** How many of an event's tasks are open past their due date, for the staff event page. */
  countLate(eventId: string, now: Date): Promise<number> {
    return this.tasks
      .createQueryBuilder('task')
      .where("task.eventId = :eventId AND task.status = 'open' AND task.dueAt < :now", { eventId, now })
      .getCount();
  }

  /** The task, locked for the rest of the transaction, so two people arranging it at once queue. */
  lockById(manager: EntityManager, id: string): Promise<AccessTask | null> {
    return manager.getRepository(AccessTask).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, task: AccessTask): Promise<AccessTask> {
    return manager.getRepository(AccessTask).save(task);
  }

  /**
   * Open tasks past their due date that staff have not yet been told of, for events still to
   * come (or under way) and not cancelled. Locked, skipping rows another run holds, so two
   * workers running the check at once alert each task once.
   */
  async findLateToAlert(manager: EntityManager, now: Date, limit: number): Promise<LateTaskToAlert[]> {
    const rows: Array<{ id: string; event_id: string; sequence: number; creator_email: string | null }> =
      await manager.query(
        `SELECT task.id, task.event_id, event.sequence, creator.email AS creator_email
           FROM access_tasks task
           JOIN events event ON event.id = task.event_id
           LEFT JOIN users creator ON creator.id = event.created_by_id
          WHERE task.status = 'open' AND task.late_alerted_at IS NULL AND task.due_at < $1
            AND event.status = 'published' AND event.ends_at > $1
          ORDER BY task.due_at, task.id
          LIMIT $2
          FOR UPDATE OF task SKIP LOCKED`,
        [now, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventSequence: row.sequence,
      creatorEmail: row.creator_email,
    }));
  }

  async markLateAlerted(manager: EntityManager, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.getRepository(AccessTask).update({ id: In([...ids]) }, { lateAlertedAt: now });
  }

  /** Which of these tasks are still open: the staff alert lists only those when it is sent. */
  stillOpen(ids: readonly string[]): Promise<AccessTask[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.tasks.find({
      where: { id: In([...ids]), status: 'open' },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }
}
