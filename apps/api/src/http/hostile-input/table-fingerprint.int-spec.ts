import { DataSource } from 'typeorm';
import {
  changesSince,
  installChangeLog,
  tableFingerprint,
} from '../../../../../test/support/hostile/table-fingerprint';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';

/**
 * The hostile-input suite's proof that a refusal wrote nothing rests on the change log: shown
 * here to see every kind of write to any table (a check that cannot fail proves nothing), and
 * to pass over what is not a change.
 */
describe("the hostile-input suite's change log", () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('hostile-change-log');
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE things (id int PRIMARY KEY, note json, tags jsonb)`);
    await dataSource.query(`CREATE TABLE audit_log (id serial PRIMARY KEY, action text NOT NULL)`);
    await dataSource.query(`INSERT INTO things VALUES (1, '{"a": 1}', '["x"]'), (2, null, null)`);
    await installChangeLog(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const changesOf = async (write: string): Promise<string[]> => {
    const before = await tableFingerprint(dataSource);
    await dataSource.query(write);
    return changesSince(dataSource, before);
  };

  it('sees a row inserted, changed or deleted, and a table truncated', async () => {
    expect(await changesOf(`INSERT INTO things VALUES (3, null, null)`)).toEqual(['things: 1 INSERT']);
    expect(await changesOf(`UPDATE things SET tags = '["y"]' WHERE id = 1`)).toEqual(['things: 1 UPDATE']);
    expect(await changesOf(`UPDATE things SET note = '{"a": 2}' WHERE id = 1`)).toEqual(['things: 1 UPDATE']);
    expect(await changesOf(`DELETE FROM things WHERE id = 3`)).toEqual(['things: 1 DELETE']);
    expect(await changesOf(`INSERT INTO audit_log (action) VALUES ('event.created')`)).toEqual([
      'audit_log: 1 INSERT',
    ]);
    expect(await changesOf(`TRUNCATE audit_log`)).toEqual(['audit_log: 1 TRUNCATE']);
  });

  it('passes over an update that changes nothing, an audited read and a write rolled back', async () => {
    expect(await changesOf(`UPDATE things SET id = id`)).toEqual([]);
    expect(await changesOf(`INSERT INTO audit_log (action) VALUES ('testimony.read')`)).toEqual([]);
    const before = await tableFingerprint(dataSource);
    await dataSource
      .transaction(async (manager) => {
        await manager.query(`INSERT INTO things VALUES (4, null, null)`);
        throw new Error('refused');
      })
      .catch(() => undefined);
    expect(await changesSince(dataSource, before)).toEqual([]);
  });

  it('refuses to fingerprint when a table has no trigger, so a change to it cannot go unseen', async () => {
    await dataSource.query(`CREATE TABLE added_later (id int)`);
    await expect(tableFingerprint(dataSource)).rejects.toThrow(/added_later/);
    await installChangeLog(dataSource);
    expect(await changesOf(`INSERT INTO added_later VALUES (1)`)).toEqual(['added_later: 1 INSERT']);
  });
});
