import type { TestingModule } from '@nestjs/testing';
// By path, not through the index, which would validate config before it is set.
import type { NotificationJobPolicy } from '../../libs/notifications/src/ledger/notification-job-policy';
import { SmtpSink } from './smtp-sink';
import { createTestApi, type TestApi, type TestApiOptions } from './test-app';
import { startWorkerBesideApi } from './worker-beside-api';

/** The office the delivery tests send as. */
export const TEST_MAIL_FROM = 'Halesowen Constituency Office <office@roundtable.test>';

export interface ApiWithWorker {
  api: TestApi;
  /** Where the api and the worker send their mail. */
  sink: SmtpSink;
  worker: TestingModule;
  /**
   * Sets the api's clock to the real time, which the worker keeps: call it before a request, so
   * what the api plans is due when the worker thinks it is.
   */
  tick(): void;
  /** Stops the worker, the api and the sink, in that order (the worker may still be sending). */
  close(): Promise<void>;
}

/**
 * A delivery test's world, from one end to the other: an SMTP sink, the real api mailing to it,
 * and the real worker's module beside the api on the same config (database, Redis prefix, SMTP).
 * `env` adds to or overrides the mail settings; `policy` shortens the worker's retries and sweeps.
 */
/**
 * For tests that follow each message through the worker as it goes: the api starts at the real
 * time (call `tick()` before each request after), links point at a public address, public rate
 * limits are out of the way, and the worker retries and sweeps within a test's time.
 */
export function followingTheWorker(
  policy: NotificationJobPolicy,
): TestApiOptions & { policy: NotificationJobPolicy } {
  return {
    now: new Date(),
    env: { PUBLIC_URL: 'https://roundtable.test', PUBLIC_RATE_LIMIT: '100000' },
    policy,
  };
}

export async function startApiWithWorker(
  label: string,
  options: TestApiOptions & { policy?: NotificationJobPolicy } = {},
): Promise<ApiWithWorker> {
  const { policy, ...apiOptions } = options;
  const sink = await SmtpSink.start();
  // A half-started world is closed here: the test's afterAll has nothing to close it with.
  const api = await createTestApi(label, {
    ...apiOptions,
    env: { SMTP_URL: sink.url, MAIL_FROM: TEST_MAIL_FROM, ...apiOptions.env },
  }).catch(async (error: unknown) => {
    await sink.stop();
    throw error;
  });
  const worker = await startWorkerBesideApi(policy).catch(async (error: unknown) => {
    await api.close();
    await sink.stop();
    throw error;
  });
  return {
    api,
    sink,
    worker,
    tick: () => api.clock.set(new Date()),
    async close() {
      await worker.close();
      await api.close();
      await sink.stop();
    },
  };
}
