import type Mail from 'nodemailer/lib/mailer';
import type { ClaimJoin } from '../ledger/notification-ledger';
import type { Notification, NotificationSubjectType } from '../ledger/notification.entity';
import type { NotificationKindEntry } from './notification-registry';

/** Whom a kind of message is for: each registry entry names one. */
export type NotificationAudience = NotificationKindEntry['audience'];

/** A message that still stands, ready to build; or why it no longer does (it is then superseded). */
export type PreparedNotification = { build: () => Mail.Options } | { stale: string };

/**
 * Loads what the messages for one audience need, as it is when the row is sent, and says whether
 * the row still stands. The worker has one per audience (it may read tables this library does not
 * know: registrations, access tasks, later partners and testimony), and asks the one the row's
 * registry entry names. Throws when the row cannot make a message at all (a retry would not help).
 */
export interface NotificationPreparer<A extends NotificationAudience = NotificationAudience> {
  readonly audience: A;
  /** What the rows it prepares are about: the subject it reads. */
  readonly subjectType: NotificationSubjectType;
  /**
   * Optional: what it reads, as SQL joined onto the claim (see ClaimJoin), for an audience on the
   * hot path. The sender claims with every preparer's join and hands `prepare` the result row;
   * a preparer must still read for itself whatever that row does not hold.
   */
  readonly claimJoin?: ClaimJoin;
  /** `claimed`: the claim statement's result row, holding what this preparer's claimJoin read. */
  prepare(
    row: Notification,
    entry: Extract<NotificationKindEntry, { audience: A }>,
    claimed?: Readonly<Record<string, unknown>>,
  ): Promise<PreparedNotification>;
}

/**
 * The preparers by audience, or an error naming each audience a registry entry uses without
 * exactly one preparer, each entry about a subject its audience's preparer does not read, and each
 * preparer for an audience no entry uses. Called while the worker starts, so a kind nobody could
 * send stops the deploy instead of failing row by row.
 */
export function preparersByAudience(
  entries: readonly NotificationKindEntry[],
  preparers: readonly NotificationPreparer[],
): ReadonlyMap<NotificationAudience, NotificationPreparer> {
  const problems: string[] = [];
  const audiences = [...new Set(entries.map((entry) => entry.audience))];
  for (const audience of audiences) {
    const theirs = preparers.filter((preparer) => preparer.audience === audience);
    if (theirs.length !== 1) {
      problems.push(`audience "${audience}" has ${theirs.length} preparers`);
      continue;
    }
    for (const entry of entries.filter((each) => each.audience === audience)) {
      if (entry.subjectType !== theirs[0].subjectType) {
        problems.push(
          `kind "${entry.kind}" is about "${entry.subjectType}", but the "${audience}" preparer reads "${theirs[0].subjectType}"`,
        );
      }
    }
  }
  for (const preparer of preparers) {
    if (!audiences.includes(preparer.audience)) {
      problems.push(
        `${preparer.constructor.name} prepares for "${preparer.audience}", which no registry entry names`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `Notification preparers: ${problems.join('; ')}. Every audience needs exactly one preparer.`,
    );
  }
  return new Map(preparers.map((preparer) => [preparer.audience, preparer]));
}
