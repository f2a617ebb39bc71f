/**
 * Every kind of message the ledger records. The planner writes these names and the worker picks
 * the message builder by them, so they live in one place that both import.
 */
export const NOTIFICATION_KINDS = {
  invitation: 'invitation',
  confirmation: 'confirmation',
  waitlisted: 'waitlisted',
  /** A place came up for someone on the waiting list. */
  promoted: 'promoted',
  /** The event moved in time or place. */
  update: 'update',
  cancellation: 'cancellation',
  /** Someone gave up their own place: their calendar item is cancelled. */
  registrationCancelled: 'registration-cancelled',
  reminder: 'reminder',
  accessArranged: 'access-arranged',
} as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[keyof typeof NOTIFICATION_KINDS];

export const NOTIFICATION_KIND_VALUES: readonly NotificationKind[] = Object.values(NOTIFICATION_KINDS);
