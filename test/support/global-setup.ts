import { ensureMigratedTemplate } from './migrated-template';
import { ensureTestServices, type TestServices } from '../../tools/local/test-services';

declare global {
  // Jest runs globalSetup and globalTeardown in one process, and globalThis is its documented way
  // to hand state from one to the other.
  var __roundtableTestServices: TestServices | undefined;
}

/**
 * Finds or starts Postgres and Redis once for the whole run. The test workers start after this
 * and inherit process.env, so TEST_DATABASE_URL (an admin URL: each test file makes its own
 * database), TEST_TEMPLATE_DATABASE (a migrated database for those to copy) and TEST_REDIS_URL
 * reach every test file.
 */
export default async function globalSetup(): Promise<void> {
  // The int and e2e projects each name this file; the second call finds the services running.
  if (globalThis.__roundtableTestServices) return;
  const services = await ensureTestServices();
  process.env.TEST_DATABASE_URL = services.databaseUrl;
  process.env.TEST_REDIS_URL = services.redisUrl;
  process.env.TEST_TEMPLATE_DATABASE = await ensureMigratedTemplate(services.databaseUrl);
  globalThis.__roundtableTestServices = services;
  console.log(`\nTest services. ${services.description}`);
}
