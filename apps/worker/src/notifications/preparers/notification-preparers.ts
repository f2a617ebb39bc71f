import { Inject, Injectable } from '@nestjs/common';
import {
  NOTIFICATION_REGISTRY,
  preparersByAudience,
  type Notification,
  type NotificationAudience,
  type NotificationKindEntry,
  type ClaimJoin,
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
  /**
   * Every preparer's claimJoin as one, or null when none offers one: the claim happens before the
   * row's kind is known, so it reads for each audience that asks (each join reads nothing for
   * another audience's rows; their columns carry each audience's own prefix).
   */
  readonly claimJoin: ClaimJoin | null;

  constructor(@Inject(NOTIFICATION_PREPARERS) preparers: NotificationPreparer[]) {
    this.byAudience = preparersByAudience(Object.values(NOTIFICATION_REGISTRY), preparers);
    this.claimJoin = joined(preparers.flatMap((preparer) => preparer.claimJoin ?? []));
  }

  /** The preparer for a row of this entry's kind, or null when none reads what the row is about. */
  for(row: Pick<Notification, 'subjectType'>, entry: NotificationKindEntry): NotificationPreparer | null {
    const preparer = this.byAudience.get(entry.audience);
    return preparer && preparer.subjectType === row.subjectType ? preparer : null;
  }
}

function joined(joins: ClaimJoin[]): ClaimJoin | null {
  if (joins.length === 0) return null;
  if (joins.length === 1) return joins[0];
  return (params) => {
    const parts = joins.map((join) => join(params));
    return {
      columns: parts.map((part) => part.columns).join(',\n'),
      joins: parts.map((part) => part.joins).join('\n'),
    };
  };
}
