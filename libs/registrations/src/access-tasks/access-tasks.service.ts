import { Injectable, Logger } from '@nestjs/common';
import { shareForPlanning } from '@roundtable/events';
import { NotificationLedger, NotificationOutbox } from '@roundtable/notifications';
import { Clock, normaliseEmail } from '@roundtable/platform';
import { DataSource } from 'typeorm';
import { AccessTask } from './access-task.entity';
import { AccessTaskCancelled, AccessTaskNotFound, EventNotOpen, NoOneToArrangeFor } from '../errors';
import { Registration } from '../registrations/registration.entity';
import { accessArrangedNotification, lateAccessTasksNotification } from './access-task-messages';
import { AccessTasksRepository } from './access-tasks.repository';

/** Late tasks handled per run of the alert job; the rest wait for the next run. */
const ALERT_BATCH = 500;

export interface Arranged {
  task: AccessTask;
  /** False when the task was already arranged: nothing changed and nothing was sent. */
  changed: boolean;
}

/**
 * Staff arranging what people need to take part, and the office being told when that is late.
 * Every message is a ledger row written in the change's transaction and enqueued after commit.
 */
@Injectable()
export class AccessTasksService {
  private readonly logger = new Logger(AccessTasksService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: AccessTasksRepository,
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Marks a task arranged and, in the same transaction, plans the email telling the attendee.
   * Arranging a task that is already arranged changes nothing and sends nothing (a double click,
   * a retried request); a cancelled task (the need was withdrawn, or the place given up) is 409.
   */
  async arrange(taskId: string, note: string | null | undefined): Promise<Arranged> {
    const { arranged, due } = await this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(AccessTask).findOneBy({ id: taskId });
      if (!found) throw new AccessTaskNotFound(taskId);
      // The event before the task, in the order an event change takes them (see event-locks): a
      // reschedule waits for this message to be planned (and plans it again at its new sequence),
      // or this one sees the new sequence; neither leaves the message stale and never sent.
      // Never null: a task is deleted with its event (ON DELETE CASCADE).
      const event = (await shareForPlanning(manager, found.eventId))!;
      const task = (await this.tasks.lockById(manager, taskId))!;
      if (task.status === 'arranged') return { arranged: { task, changed: false }, due: [] };
      // The event first: cancelling it also cancels its tasks, and the event is the reason to give.
      if (event.status === 'cancelled') throw EventNotOpen.cancelled();
      if (task.status === 'cancelled') {
        throw new AccessTaskCancelled(taskId);
      }
      const registration = await manager
        .getRepository(Registration)
        .findOneByOrFail({ id: task.registrationId });
      if (registration.status !== 'confirmed') {
        throw new NoOneToArrangeFor(registration.status);
      }
      const now = this.clock.now();
      task.status = 'arranged';
      task.arrangedAt = now;
      task.note = note?.trim() || null;
      await this.tasks.save(manager, task);
      const due = await this.ledger.plan(manager, [
        accessArrangedNotification(task, registration, event, now),
      ]);
      return { arranged: { task, changed: true }, due };
    });
    await this.outbox.enqueue(due);
    if (arranged.changed)
      this.logger.log(`Access task ${taskId} arranged for event ${arranged.task.eventId}`);
    return arranged;
  }

  /**
   * Finds open tasks past their due date that staff were not told of, plans one email per event
   * (to whoever created the event, else to the office) and marks the tasks alerted, all in one
   * transaction: a task is alerted once, however often or wherever the check runs. Returns how
   * many events' staff were alerted.
   */
  async alertLate(officeEmail: string): Promise<number> {
    const now = this.clock.now();
    const due = await this.dataSource.transaction(async (manager) => {
      const late = await this.tasks.findLateToAlert(manager, now, ALERT_BATCH);
      const byEvent = new Map<string, typeof late>();
      for (const task of late) byEvent.set(task.eventId, [...(byEvent.get(task.eventId) ?? []), task]);
      const planned = [...byEvent.values()].map((tasks) => {
        const [first] = tasks;
        return lateAccessTasksNotification(
          { id: first.eventId, sequence: first.eventSequence },
          tasks.map((task) => task.id),
          first.creatorEmail ? normaliseEmail(first.creatorEmail) : officeEmail,
          now,
        );
      });
      await this.tasks.markLateAlerted(
        manager,
        late.map((task) => task.id),
        now,
      );
      const due = await this.ledger.plan(manager, planned);
      if (late.length > 0) {
        this.logger.log(
          `Late access tasks: ${late.length} task(s) across event(s) ${[...byEvent.keys()].join(', ')}`,
        );
      }
      return due;
    });
    await this.outbox.enqueue(due);
    return due.length;
  }
}
