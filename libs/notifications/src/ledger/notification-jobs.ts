import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job the notifications use, with its payload and retry policy, in one place.
 * Job data carries ids only: the ledger row is the truth, so a retried or late job re-reads it.
 */
export const NOTIFICATIONS_QUEUE = 'notifications';

export const NOTIFICATION_JOBS = {
  /** Send one ledger row's message (jobId = the row id, so adding it twice is harmless). */
  send: 'send-notification',
  /** Re-enqueue due rows whose job went missing (Redis lost, a crash between commit and enqueue). */
  sweep: 'sweep-notifications',
} as const;

export type NotificationJobName = (typeof NOTIFICATION_JOBS)[keyof typeof NOTIFICATION_JOBS];

export interface SendNotificationJob {
  notificationId: string;
  /** The HTTP request that planned it, so its logs and the worker's can be joined up. */
  requestId?: string;
}

export type SweepNotificationsJob = Record<string, never>;

export const SEND_ATTEMPTS = 6;

export const SEND_JOB_OPTIONS: JobsOptions = {
  attempts: SEND_ATTEMPTS,
  // 5 s, 10 s, 20 s, 40 s, 80 s: rides out an SMTP server restarting without hammering it.
  backoff: { type: 'exponential', delay: 5_000 },
  // The ledger keeps the history; Redis need not.
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
};

export const SWEEP_EVERY_MS = 30_000;
