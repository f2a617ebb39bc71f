import { testLinkKeys, testTestimonyKeys } from './link-keys';
import { TEST_OFFICE_ENV } from './test-office';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
// Imported by path, not through the index, which would validate config before it is set.
import { PasswordHashCost } from '../../libs/identity/src/password-hasher';
import { Clock, FixedClock } from '../../libs/platform/src/clock/clock';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './test-database';
import { newTestRedisPrefix, removeTestRedisKeys } from './test-redis';

export const ADMIN = { email: 'admin@roundtable.test', password: 'admin-password-for-tests' };

export interface TestApi {
  app: NestExpressApplication;
  http: App;
  database: TestDatabase;
  dataSource: DataSource;
  clock: FixedClock;
  /** Bearer token for a user created with this role (the admin comes from ADMIN_EMAIL). */
  tokenFor(role: 'admin' | 'organiser'): Promise<string>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Where the test clock starts; defaults to 2026-01-15T12:00:00Z. */
  now?: Date;
  /**
   * Start on an empty database, so the api migrates it as it starts, as on a first deploy;
   * otherwise on a copy of the run's migrated template.
   */
  emptyDatabase?: boolean;
  env?: Record<string, string>;
  /** Listen on a real port (for the browser); otherwise supertest drives the server directly. */
  listen?: boolean;
}

/**
 * The real api (same modules, same HTTP set-up as main.ts) against a database of its own and a
 * Redis prefix of its own. Only the clock is replaced, so tests can stand either side of a
 * BST/GMT change.
 */
/** OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane): about 32 ms of CPU a hash, not 190. */
const TEST_PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function createTestApi(label: string, options: TestApiOptions = {}): Promise<TestApi> {
  const database = await createTestDatabase(label, { migrated: !options.emptyDatabase });
  // Config is validated when AppModule is first imported, so the environment is set before that
  // import. Each jest test file has its own module registry, so each file gets its own config.
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: newTestRedisPrefix(),
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    PUBLIC_URL: 'http://localhost:3000',
    LINK_KEYS: testLinkKeys(),
    TESTIMONY_KEYS: testTestimonyKeys(),
    ...TEST_OFFICE_ENV,
    // Tests register thousands of people; the floor is checked by its own test (answer-floor).
    PUBLIC_ANSWER_FLOOR_MS: '0',
    // Tests write straight to their tables and read the pages at once, sooner than a change's
    // notification may arrive; the cache has its own test (public-read-cache.int-spec).
    PUBLIC_PAGE_CACHE_SECONDS: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    ...options.env,
  });
  const redis = { url: process.env.REDIS_URL!, prefix: process.env.REDIS_PREFIX! };
  const { AppModule } = await import('../../apps/api/src/app.module');
  const { configureApi } = await import('../../apps/api/src/bootstrap');
  const clock = new FixedClock(options.now ?? new Date('2026-01-15T12:00:00Z'));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    // Real argon2id at OWASP's minimum cost, not the production default: thousands of sign-ins
    // and password changes across the suite at 190 ms of CPU each added minutes to every run.
    .overrideProvider(PasswordHashCost)
    .useValue(TEST_PASSWORD_HASH_COST)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  configureApi(app);
  if (options.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  const http = app.getHttpServer() as App;

  const tokens = new Map<string, string>();
  const tokenFor = async (role: 'admin' | 'organiser'): Promise<string> => {
    const cached = tokens.get(role);
    if (cached) return cached;
    const credentials =
      role === 'admin'
        ? ADMIN
        : {
            email: `organiser-${randomBytes(3).toString('hex')}@roundtable.test`,
            password: 'organiser-password-1',
          };
    if (role !== 'admin') {
      const adminToken = await tokenFor('admin');
      await request(http)
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ ...credentials, name: 'Olu Organiser', role })
        .expect(201);
    }
    const response = await request(http).post('/api/v1/auth/login').send(credentials).expect(200);
    tokens.set(role, response.body.token);
    return response.body.token;
  };

  return {
    app,
    http,
    database,
    dataSource: app.get(DataSource),
    clock,
    tokenFor,
    async close() {
      await app.close();
      await removeTestRedisKeys(redis.prefix, redis.url);
      await database.drop();
    },
  };
}

export type { INestApplication };
