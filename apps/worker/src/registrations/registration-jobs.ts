import type { WorkerOptions } from 'bullmq';

/**
 * The registrations' own queue for the worker's upkeep of registrations (STYLE rule 8: its jobs in
 * one place). Job data is empty: the sweep reads what is due from the database each time.
 */
export const REGISTRATIONS_QUEUE = 'registrations';

export const REGISTRATION_JOBS = {
  /** Erase registrations' personal data REGISTRATION_RETENTION_DAYS after their event ended. */
  eraseExpired: 'erase-expired-registrations',
} as const;

/** Hourly: the period is counted in days, so each registration goes within an hour of its time. */
export const ERASE_EXPIRED_REGISTRATIONS_EVERY_MS = 60 * 60_000;

/** Registrations erased per transaction: short locks, and a crash loses at most one batch's work. */
export const REGISTRATION_RETENTION_BATCH_SIZE = 500;

export const REGISTRATIONS_WORKER_OPTIONS: Pick<WorkerOptions, 'concurrency'> = { concurrency: 1 };
