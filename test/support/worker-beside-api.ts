import { Test, type TestingModule } from '@nestjs/testing';
// By path, not through the index, which would validate config before it is set.
import { NotificationJobPolicy } from '../../libs/notifications/src/ledger/notification-job-policy';

/**
 * The worker's own module in this test process, started after createTestApi: config is read once
 * per test file, so it runs against the api's database, Redis prefix and SMTP_URL, as a deployed
 * worker beside a deployed api would. Pass a job policy to shorten retries and sweeps.
 */
export async function startWorkerBesideApi(policy?: NotificationJobPolicy): Promise<TestingModule> {
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const builder = Test.createTestingModule({ imports: [WorkerModule] });
  if (policy) builder.overrideProvider(NotificationJobPolicy).useValue(policy);
  const worker = await builder.compile();
  worker.useLogger(false);
  await worker.init();
  return worker;
}
