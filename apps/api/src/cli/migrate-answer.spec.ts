import { migrateAnswer } from './migrate-answer';

describe('migrateAnswer', () => {
  it('says "up to date" only when no migration was applied', () => {
    expect(migrateAnswer([])).toBe('Migrations are up to date: none to apply.');
  });

  it('says how many were applied otherwise', () => {
    expect(migrateAnswer(['Init1700000000000'])).toBe('Applied 1 migration; the database is up to date.');
    expect(migrateAnswer(['A1', 'B2', 'C3'])).toBe('Applied 3 migrations; the database is up to date.');
  });
});
