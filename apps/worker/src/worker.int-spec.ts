import { DataSource } from 'typeorm';
// By path, not through @roundtable/platform, whose index loads the config before it is set.
import { RedisService } from '../../../libs/platform/src/redis/redis.service';
import { createTestWorker, type TestWorker } from '../../../test/support/test-worker';

describe('worker', () => {
  let testWorker: TestWorker;
  beforeAll(async () => {
    testWorker = await createTestWorker('worker');
  });
  afterAll(() => testWorker.close());

  it('starts against its own database: migrates it and reports ready once Postgres and Redis answer', async () => {
    const { worker, logs } = testWorker;
    await worker.init();
    expect(logs).toContain('Worker: Worker ready: connected to Postgres and Redis');

    const dataSource = worker.get(DataSource);
    expect(dataSource.isInitialized).toBe(true);
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((row: { table_name: string }) => row.table_name)).toEqual(
      expect.arrayContaining(['events', 'migrations', 'sessions', 'users', 'venues']),
    );
    await expect(worker.get(RedisService).ping()).resolves.toBeUndefined();
  });

  it('closes cleanly: the database pool and Redis connection are released', async () => {
    const { worker, logs } = testWorker;
    const dataSource = worker.get(DataSource);
    const redis = worker.get(RedisService);
    const redisEnded = new Promise((resolve) => redis.client.once('end', resolve));
    await testWorker.close();
    expect(dataSource.isInitialized).toBe(false);
    await redisEnded;
    expect(redis.client.status).toBe('end');
    expect(logs).toContain('Worker: Worker stopped');
  });
});
