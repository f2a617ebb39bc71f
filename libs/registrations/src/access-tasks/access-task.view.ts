import { accessNeedLabel } from './access-needs';
import type { AccessTask } from './access-task.entity';
import { isLate } from './access-task-rules';

/** An access task as staff see it (the attendee's name is personal data: staff only). */
export interface AccessTaskView {
  id: string;
  eventId: string;
  registrationId: string;
  attendeeName: string;
  need: string;
  needLabel: string;
  status: AccessTask['status'];
  dueAt: string;
  /** Still open after its due date. */
  late: boolean;
  arrangedAt: string | null;
  note: string | null;
}

/** The task must be loaded with its registration. */
export function toAccessTaskView(task: AccessTask, now: Date): AccessTaskView {
  return {
    id: task.id,
    eventId: task.eventId,
    registrationId: task.registrationId,
    attendeeName: task.registration?.name ?? '',
    need: task.need,
    needLabel: accessNeedLabel(task.need),
    status: task.status,
    dueAt: task.dueAt.toISOString(),
    late: isLate(task, now),
    arrangedAt: task.arrangedAt?.toISOString() ?? null,
    note: task.note,
  };
}
