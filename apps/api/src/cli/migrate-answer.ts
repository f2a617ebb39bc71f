/** What `npm run cli -- migrate` says it did: "up to date" only when there was nothing to apply. */
export function migrateAnswer(applied: readonly string[]): string {
  if (applied.length === 0) return 'Migrations are up to date: none to apply.';
  const count = applied.length === 1 ? '1 migration' : `${applied.length} migrations`;
  return `Applied ${count}; the database is up to date.`;
}
