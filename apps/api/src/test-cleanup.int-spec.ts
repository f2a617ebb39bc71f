import Redis from 'ioredis';
import request from 'supertest';
import { testRedisUrl } from '../../../test/support/test-database';
import { createTestApi } from '../../../test/support/test-app';

/** The test support's own promise: a test file leaves no Redis keys behind (issue 9). */
describe('test clean-up', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(() => redis.quit());

  const keysUnder = async (prefix: string) => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      found.push(...keys);
      cursor = next;
    } while (cursor !== '0');
    return found;
  };

  it('removes the Redis keys a test api wrote, under its prefix, when it closes', async () => {
    const api = await createTestApi('test-cleanup');
    const prefix = process.env.REDIS_PREFIX!;
    await request(api.http).get('/api/v1/public/events').expect(200);
    await api.tokenFor('organiser');
    expect((await keysUnder(prefix)).length).toBeGreaterThan(0);

    await api.close();
    expect(await keysUnder(prefix)).toEqual([]);
  });
});
