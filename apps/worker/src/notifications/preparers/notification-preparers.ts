import { Inject, Injectable } from '@nestjs/common';
import {
  NOTIFICATION_REGISTRY,
  preparersByAudience,
  type Notification,
  type NotificationAudience,
  type NotificationKindEntry,
  type NotificationPreparer,
} from '@roundtable/notifications';

/** Every audience's preparer, gathered by the module (the one place a new audience is registered). */
export const NOTIFICATION_PREPARERS = Symbol('NOTIFICATION_PREPARERS');

/**
 * The worker's preparers by audience. Refuses to start unless every audience a registry entry
 * names has exactly one preparer, reading the subject that entry is about.
 */
@Injectable()
export class NotificationPreparers {
  private readonly byAudience: ReadonlyMap<NotificationAudience, NotificationPreparer>;

  constructor(@Inject(NOTIFICATION_PREPARERS) preparers: NotificationPreparer[]) {
    this.byAudience = preparersByAudience(Object.values(NOTIFICATION_REGISTRY), preparers);
  }

  /** The preparer for a row of this entry's kind, or null when none reads what the row is about. */
  for(row: Pick<Notification, 'subjectType'>, entry: NotificationKindEntry): NotificationPreparer | null {
    const preparer = this.byAudience.get(entry.audience);
    return preparer && preparer.subjectType === row.subjectType ? preparer : null;
  }
}
