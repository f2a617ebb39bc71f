import { createTestApi, type TestApi } from '../../../test/support/test-app';

/** STYLE.md rule 7: the migrations build exactly the schema the entities describe. */
describe('entities and migrations agree', () => {
  let api: TestApi;
  beforeAll(async () => {
    // An empty database, which the api migrates as it starts: the other test files copy a template.
    api = await createTestApi('schema', { emptyDatabase: true });
  });
  afterAll(() => api.close());

  it('migrated the database, in one recorded migration per file', async () => {
    const applied = await api.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(
      api.dataSource.migrations.map((migration) => migration.name),
    );
    expect(applied.length).toBeGreaterThan(0);
  });

  it('leaves TypeORM nothing to change: generating a migration now would yield nothing', async () => {
    const sql = await api.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('knows every table the migrations made: each has an entity, and each entity a table', async () => {
    // Read from the database itself, so a table added by a later migration cannot be missed.
    const rows: { table_name: string }[] = await api.dataSource.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
    );
    const migrated = rows.map((row) => row.table_name).sort();
    const entities = api.dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort();
    expect(migrated).toEqual(expect.arrayContaining(['events', 'sessions', 'users', 'venues']));
    expect(entities).toEqual(migrated);
  });
});
