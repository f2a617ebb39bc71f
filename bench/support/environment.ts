import { randomBytes } from 'node:crypto';
import { appNodeOptions } from '../../libs/platform/src/processes/node-options';

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One key for the run: the api, the worker and the migrate CLI (which reads the whole config) share it. */
export const LINK_KEYS_FOR_RUN = `bench:${randomBytes(32).toString('hex')}`;
export const TESTIMONY_KEYS_FOR_RUN = `bench:${randomBytes(32).toString('hex')}`;

export const ADMIN = { email: 'bench-admin@roundtable.test', password: 'bench-admin-password' };

/** A Redis prefix of the benchmark's own, so runs and test files sharing one Redis never meet. */
export function redisPrefix(label: string): string {
  return `rt-bench-${label}-${randomBytes(4).toString('hex')}`;
}

/**
 * What the api and worker run with: production defaults except for the rate limits (one
 * address sends every request here) and a body limit that fits a 10,000-contact list.
 */
export function appEnvironment(options: {
  databaseUrl: string;
  prefix: string;
  smtpUrl: string;
  port: number;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: options.prefix,
    SMTP_URL: options.smtpUrl,
    // Production refuses to start without the office's identity (see README, OFFICE_*).
    OFFICE_NAME: 'Halesowen Constituency Office (benchmark)',
    OFFICE_ADDRESS: '1 Example Street, Halesowen B63 0ZZ',
    OFFICE_PHONE: '0121 496 0000',
    OFFICE_EMAIL: 'office@roundtable.test',
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    PUBLIC_RATE_LIMIT: '10000000',
    LOGIN_RATE_LIMIT: '1000',
    BODY_LIMIT: '10mb',
    // One process each unless a benchmark asks for more (the 1-vs-2 worker figure).
    API_PROCESSES: process.env.API_PROCESSES ?? '1',
    WORKER_PROCESSES: process.env.WORKER_PROCESSES ?? '1',
    // The heap settings the Docker image runs them with (BENCH_NODE_OPTIONS to try others).
    NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS || appNodeOptions(),
    LINK_KEYS: LINK_KEYS_FOR_RUN,
    TESTIMONY_KEYS: TESTIMONY_KEYS_FOR_RUN,
  };
}
