import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { Test } from '@nestjs/testing';

/**
 * Run by spawnWorkerProcess in a child process: starts the worker module as main.ts does, with
 * the test's job policy, and says when it is ready. The environment is set by the parent.
 */
async function main(): Promise<void> {
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const { NotificationJobPolicy } = await import('@roundtable/notifications');
  const logger = new ConsoleLogger('worker-process', { logLevels: ['error', 'warn', 'log'] });
  const app = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(NotificationJobPolicy)
    .useValue(JSON.parse(process.env.RT_TEST_JOB_POLICY ?? '{}'))
    .setLogger(logger)
    .compile();
  app.useLogger(logger);
  await app.init();
  process.stdout.write('worker-process ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
