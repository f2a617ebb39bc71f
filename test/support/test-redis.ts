import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { testRedisUrl } from './test-database';

/** A Redis key prefix for one test file's apps, so files running at once never share a queue. */
export function newTestRedisPrefix(): string {
  return `rt-test-${randomBytes(4).toString('hex')}`;
}

/**
 * Deletes every key under `prefix` (the apps write `<prefix>:…`: BullMQ's queues, rate limits,
 * sweeper state) from the suite's shared Redis, so a run leaves nothing behind. SCAN walks the
 * keyspace in steps and UNLINK frees in the background, so neither blocks the other files' tests.
 * A test whose apps used a Redis of their own (`redisUrl` elsewhere) wrote nothing here.
 */
export async function removeTestRedisKeys(
  prefix: string,
  redisUrl: string = testRedisUrl(),
): Promise<number> {
  if (redisUrl !== testRedisUrl()) return 0;
  if (!/^rt-test-[\w-]+$/.test(prefix)) throw new Error(`not a test Redis prefix: ${prefix}`);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
    return removed;
  } finally {
    await redis.quit();
  }
}
