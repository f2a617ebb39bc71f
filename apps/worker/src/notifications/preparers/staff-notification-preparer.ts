import { Injectable } from '@nestjs/common';
import { EventsService } from '@roundtable/events';
import {
  eventSnapshot,
  parsePayload,
  PayloadError,
  whyNotCurrent,
  type Notification,
  type NotificationPreparer,
  type PreparedNotification,
  type StaffKindEntry,
} from '@roundtable/notifications';
import { accessNeedLabel, AccessTasksRepository } from '@roundtable/registrations';
import { NotificationRenderer } from '../notification-renderer';

/**
 * Messages to the office's staff about an event (late access tasks): no registration. One goes
 * only while the event is on and some of the tasks it is about are still open, and lists only
 * those, by need and due date, with the link to the staff event page. Never who needs them: that
 * stays behind sign-in.
 */
@Injectable()
export class StaffNotificationPreparer implements NotificationPreparer<'staff'> {
  readonly audience = 'staff';
  readonly subjectType = 'event';

  constructor(
    private readonly events: EventsService,
    private readonly accessTasks: AccessTasksRepository,
    private readonly renderer: NotificationRenderer,
  ) {}

  async prepare(row: Notification, entry: StaffKindEntry): Promise<PreparedNotification> {
    const taskIds = row.payload.taskIds;
    if (!Array.isArray(taskIds)) throw new PayloadError(entry.payloadNeeds);
    // An event message's subject is its event (the database holds subject_id = event_id).
    const event = await this.events.get(row.subjectId);
    const stale = whyNotCurrent(row, event, null);
    const open = stale ? [] : await this.accessTasks.stillOpen(taskIds);
    const reason = stale ?? (open.length === 0 ? 'the tasks were all arranged or cancelled meanwhile' : null);
    if (reason) return { stale: reason };
    return {
      build: () => {
        const message = entry.build(
          {
            event: eventSnapshot(event),
            office: this.renderer.office,
            openTasks: open.map((task) => ({ needLabel: accessNeedLabel(task.need), dueAt: task.dueAt })),
            staffEventUrl: `${this.renderer.publicUrl}/staff/events/${event.id}`,
          },
          parsePayload(entry, row.payload),
        );
        return this.renderer.render(row, message, row.recipientEmail);
      },
    };
  }
}
