import { dataPath } from './paths';
import { localOrEmbeddedPostgres, type PostgresServer } from './postgres';
import { localOrSpawnedRedis, type RedisServer } from './redis';

export interface TestServices {
  /** An admin URL (the `postgres` database): each test file creates and drops its own database. */
  databaseUrl: string;
  redisUrl: string;
  /** Where each came from, for one line in the test output. */
  description: string;
  /** Stops whatever was started for the run; leaves servers someone else runs alone. */
  stop(): Promise<void>;
}

/**
 * Postgres and Redis for the test suite, found the same way as for `npm start`: TEST_DATABASE_URL
 * or DATABASE_URL, else the local server if it answers, else an embedded Postgres; the same for
 * Redis with a redis-server. The embedded Postgres keeps its own data directory and skips fsync,
 * so test databases never mix with local data and cost little to create.
 */
export async function ensureTestServices(
  notice: (line: string) => void = console.warn,
): Promise<TestServices> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    const postgres = await testPostgres(notice);
    stops.push(postgres.stop);
    const redis = await testRedis(notice);
    stops.push(redis.stop);
    return {
      databaseUrl: postgres.adminUrl,
      redisUrl: redis.url,
      description: `Postgres: ${postgres.description}; Redis: ${redis.description}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function testPostgres(notice: (line: string) => void): Promise<PostgresServer> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { adminUrl: given, description: 'from the environment', stop: async () => {} };
  return localOrEmbeddedPostgres(
    { dataDir: dataPath('postgres-test'), preferredPort: 54339, fast: true },
    notice,
  );
}

async function testRedis(notice: (line: string) => void): Promise<RedisServer> {
  const given = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
  if (given) return { url: given, description: 'from the environment', stop: async () => {} };
  // Not detached: if jest is interrupted, the terminal's Ctrl-C stops this redis-server too.
  return localOrSpawnedRedis(
    { dataDir: dataPath('redis-test'), preferredPort: 6390, detached: false },
    notice,
  );
}
