import type { NotificationJobPolicy } from '../../libs/notifications/src/ledger/notification-job-policy';
// By path, not through the index, which would validate config before a test file has set it.
import { SEND_JOB_OPTIONS } from '../../libs/notifications/src/ledger/notification-jobs';

/**
 * Minutes of real backoff, a 30-second sweep and a ten-minute lease shortened to fit a test; the
 * shapes are the registry's. A send in these tests takes milliseconds, far inside the lease.
 */
export const TEST_JOB_POLICY: NotificationJobPolicy = {
  send: { ...SEND_JOB_OPTIONS, attempts: 4, backoff: { type: 'fixed', delay: 300 } },
  sweep: { everyMs: 500, horizonMs: 60_000, leaseMs: 4_000, batchSize: 500 },
};
