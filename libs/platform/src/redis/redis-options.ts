import type { RedisOptions } from 'ioredis';

/** Turns REDIS_URL into ioredis options, so BullMQ and our own clients connect the same way. */
export function redisOptionsFromUrl(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

/** How long a command or a connection attempt may take on a fail-fast connection. */
export const FAIL_FAST_TIMEOUT_MS = 1_000;

/**
 * For connections that serve an HTTP request (rate limits, health, putting a job on the queue):
 * while Redis is away a command fails at once instead of waiting in ioredis's offline queue for
 * a reconnect that may be minutes off, and a Redis that accepts the connection but does not
 * answer fails the command after a second. The caller decides what that failure means. BullMQ
 * workers must not use these: they need `maxRetriesPerRequest: null` and may wait.
 */
export function failFastRedisOptions(redisUrl: string): RedisOptions {
  return {
    ...redisOptionsFromUrl(redisUrl),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: FAIL_FAST_TIMEOUT_MS,
    commandTimeout: FAIL_FAST_TIMEOUT_MS,
  };
}
