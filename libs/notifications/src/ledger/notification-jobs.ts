import type { JobsOptions, WorkerOptions } from 'bullmq';

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
  /** Tell staff, once per task, about access needs still open after their due date. */
  alertLateAccessTasks: 'alert-late-access-tasks',
} as const;

export type NotificationJobName = (typeof NOTIFICATION_JOBS)[keyof typeof NOTIFICATION_JOBS];

export interface SendNotificationJob {
  notificationId: string;
  /** The HTTP request that planned it, so its logs and the worker's can be joined up. */
  requestId?: string;
}

export type SweepNotificationsJob = Record<string, never>;

export type AlertLateAccessTasksJob = Record<string, never>;

/**
 * How often the late-access-task check runs. Due dates are days before an event, so a quarter of
 * an hour is prompt enough, and the check is one indexed query when nothing is late.
 */
export const ALERT_LATE_ACCESS_TASKS_EVERY_MS = 15 * 60_000;

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

/** How the sweeper finds rows whose job went missing. */
export interface SweepPolicy {
  everyMs: number;
  /** Pending rows due within this are put (back) on the queue, as delayed jobs if need be. */
  horizonMs: number;
  /**
   * A row claimed longer ago than this is taken to belong to a dead worker and handed back.
   * Far longer than a send can take (the transport gives up on a silent server within a minute
   * or two), or a slow send could be handed back and sent twice.
   */
  leaseMs: number;
  /** Rows looked at per sweep; the rest wait for the next. */
  batchSize: number;
}

export const SWEEP_POLICY: SweepPolicy = {
  everyMs: SWEEP_EVERY_MS,
  horizonMs: 2 * SWEEP_EVERY_MS,
  leaseMs: 10 * 60_000,
  batchSize: 500,
};

/**
 * The notifications worker. A send waits on SMTP, so several run at once: 16, because with 8 the
 * worker waited on SMTP and Postgres more than it worked (10,000 invitations: 414 -> 556 messages
 * a second, 0.77x -> 0.95x of plain nodemailer, same CPU a message, same peak RSS; bench/RESULTS.md
 * 2026-12-01 16:05-16:12), and more jobs in flight make fuller claim batches (LedgerBatches).
 * The SMTP pool's five connections still bound what is sent at once. The claim makes a job run twice
 * harmless, so the lock can be short and stalls checked often: a job held by a worker that died
 * is re-run within about 20 s instead of a minute.
 */
export const NOTIFICATIONS_WORKER_OPTIONS: Pick<
  WorkerOptions,
  'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'
> = {
  concurrency: 16,
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 2,
};
