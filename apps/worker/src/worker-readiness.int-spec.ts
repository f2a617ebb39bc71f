import { createTestWorker, type TestWorker } from '../../../test/support/test-worker';

describe('worker readiness without Redis', () => {
  let testWorker: TestWorker;
  beforeAll(async () => {
    // Nothing listens on port 1 here, so every connection is refused at once.
    testWorker = await createTestWorker('worker-no-redis', { REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => testWorker.close());

  it('refuses to start, and never reports ready, when Redis does not answer', async () => {
    await expect(testWorker.worker.init()).rejects.toThrow(/max retries/i);
    expect(testWorker.logs.filter((line) => line.includes('Worker ready'))).toEqual([]);
  });
});
