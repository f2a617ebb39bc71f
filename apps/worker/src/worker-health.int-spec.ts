import { createTestWorker, type TestWorker } from '../../../test/support/test-worker';
import { WorkerHealthServer } from './worker-health-server';

/** WORKER_HEALTH_PORT: a supervisor can wait for the worker to be ready, and see it stay so. */
describe('the worker health port', () => {
  let testWorker: TestWorker;
  beforeAll(async () => {
    testWorker = await createTestWorker('worker-health', { WORKER_HEALTH_PORT: '0' });
  });
  afterAll(() => testWorker.close());

  it('listens only once the worker has started, and answers 200 with Postgres and Redis up', async () => {
    const health = testWorker.worker.get(WorkerHealthServer);
    expect(health.port).toBeUndefined();
    await testWorker.worker.init();
    expect(health.port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${health.port}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
    expect((await fetch(`http://127.0.0.1:${health.port}/other`)).status).toBe(404);
  });

  it('stops listening when the worker closes', async () => {
    const health = testWorker.worker.get(WorkerHealthServer);
    const port = health.port;
    await testWorker.worker.close();
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});
