/** Stops what global-setup.ts started (an embedded Postgres, a redis-server); leaves the rest alone. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__roundtableTestServices?.stop();
  globalThis.__roundtableTestServices = undefined;
}
