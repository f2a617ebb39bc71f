import type { WorkerOptions } from 'bullmq';

/**
 * Every queue and job of the testimony domain, in one place (STYLE rule 8). Job data is empty:
 * a sweep reads what is due from the database each time, so a retried or late run is harmless.
 */
export const TESTIMONY_QUEUE = 'testimony';

export const TESTIMONY_JOBS = {
  /** Erase testimony older than TESTIMONY_RETENTION_MONTHS, leaving counts (a repeatable job). */
  eraseExpired: 'erase-expired-testimony',
} as const;

export type TestimonyJobName = (typeof TESTIMONY_JOBS)[keyof typeof TESTIMONY_JOBS];

export type EraseExpiredTestimonyJob = Record<string, never>;

/**
 * How often the retention sweep runs. The period is counted in months, so hourly erases each
 * testimony within an hour of its time; when nothing is due the sweep is one indexed query.
 */
export const ERASE_EXPIRED_TESTIMONY_EVERY_MS = 60 * 60_000;

/** Testimonies deleted per transaction: short locks, and a crash loses at most one batch's work. */
export const RETENTION_BATCH_SIZE = 500;

/** One sweep at a time per worker; rows are claimed with SKIP LOCKED, so two workers never count one row twice. */
export const TESTIMONY_WORKER_OPTIONS: Pick<WorkerOptions, 'concurrency'> = { concurrency: 1 };
