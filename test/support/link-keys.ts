import { randomBytes } from 'node:crypto';

/**
 * LINK_KEYS for a test's api and worker: random per test file, and the same for every app a file
 * starts (an api and a worker beside it must derive the same links).
 */
export function testLinkKeys(): string {
  return process.env.LINK_KEYS ?? `test:${randomBytes(32).toString('hex')}`;
}

/** TESTIMONY_KEYS for a test's api and worker, random per test file like LINK_KEYS. */
export function testTestimonyKeys(): string {
  process.env.TESTIMONY_KEYS ??= `test:${randomBytes(32).toString('base64')}`;
  return process.env.TESTIMONY_KEYS;
}
