import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { waitUntil } from '../../../tools/local/wait';
import { createTestWorker, type TestWorker } from '../../../test/support/test-worker';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { REGISTRATIONS_QUEUE } from './registrations/registration-jobs';
import { RegistrationsProcessor } from './registrations/registrations.processor';
import { TestimonyProcessor } from './testimony/testimony.processor';

/** Timers pending in this process: what a closed client that still holds a socket shows. */
const pendingTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('worker readiness without Redis', () => {
  let testWorker: TestWorker;
  let timersBefore: number;
  beforeAll(async () => {
    timersBefore = pendingTimers();
    // Nothing listens on port 1 here, so every connection is refused at once.
    testWorker = await createTestWorker('worker-no-redis', { REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    // Nest runs no shutdown hooks for a context that failed to start, and BullMQ's connections
    // retry for ever, so let go of the queue and its worker by hand.
    const { worker } = testWorker;
    await worker.get(NotificationsProcessor).worker.close(true);
    await worker.get<Queue>(getQueueToken('notifications'), { strict: false }).close();
    await worker.get(TestimonyProcessor, { strict: false }).worker.close(true);
    await worker.get<Queue>(getQueueToken('testimony'), { strict: false }).close();
    await worker.get(RegistrationsProcessor, { strict: false }).worker.close(true);
    await worker.get<Queue>(getQueueToken(REGISTRATIONS_QUEUE), { strict: false }).close();
    await testWorker.close();
    // BullMQ disconnects its half-open clients, and ioredis then holds each dead socket for a
    // 2-second close timer; wait until those timers are gone, so jest exits promptly.
    await waitUntil('the dead Redis sockets let go', async () => pendingTimers() <= timersBefore, {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
  });

  it('refuses to start, and never reports ready, when Redis does not answer', async () => {
    await expect(testWorker.worker.init()).rejects.toThrow(/Redis did not answer/);
    expect(testWorker.logs.filter((line) => line.includes('Worker ready'))).toEqual([]);
  });
});
