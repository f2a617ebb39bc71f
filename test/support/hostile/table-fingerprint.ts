import type { DataSource } from 'typeorm';

/**
 * Where the tables stood at one moment: the last entry in the change log. A refused request
 * wrote nothing when the log has no entry after its `before` mark.
 */
export interface TableFingerprint {
  mark: string;
}

/** The table the triggers below log every change to; the suite's own, so never itself checked. */
export const CHANGE_LOG = 'hostile_change_log';
const TRIGGER = 'hostile_change_logged';

/**
 * Rows that record a read, not a change: a refused form shown again with what to fix also shows
 * the testimony it is about, and that read is audited like any other.
 */
const AUDITED_READS = `('testimony.read', 'testimony.list', 'casework.list')`;

/**
 * When a row change counts, per table (the trigger's WHEN): an UPDATE that leaves the row's text
 * as it was changes nothing (compared as text: a json column has no equality), and neither does
 * writing or removing an audit row that records a read.
 */
function conditions(table: string): Record<'INSERT' | 'UPDATE' | 'DELETE', string> {
  const row = {
    INSERT: 'true',
    UPDATE: 'OLD::text IS DISTINCT FROM NEW::text',
    DELETE: 'true',
  };
  if (table !== 'audit_log') return row;
  return {
    INSERT: `NEW.action NOT IN ${AUDITED_READS}`,
    UPDATE: `${row.UPDATE} AND (OLD.action NOT IN ${AUDITED_READS} OR NEW.action NOT IN ${AUDITED_READS})`,
    DELETE: `OLD.action NOT IN ${AUDITED_READS}`,
  };
}

/**
 * Puts a trigger on every table of the database (read from the catalogue, not listed by hand, so
 * a table added later is covered) that logs each row it inserts, changes or deletes, and each
 * TRUNCATE, to CHANGE_LOG, in the writing transaction (so a write rolled back logs nothing).
 * Reading the log since a mark is one indexed query however many rows the suite's worlds have
 * written; digesting every table before and after each request grew with every world seeded.
 */
export async function installChangeLog(dataSource: DataSource): Promise<void> {
  const log = quoteIdentifier(CHANGE_LOG);
  await dataSource.query(`
    CREATE TABLE IF NOT EXISTS ${log} (
      id bigserial PRIMARY KEY,
      table_name text NOT NULL,
      operation text NOT NULL
    )`);
  // The log's schema is named, so a connection with another search_path still logs to it.
  await dataSource.query(`
    CREATE OR REPLACE FUNCTION hostile_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO ${await schemaQualified(dataSource, CHANGE_LOG)} (table_name, operation)
      VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`);
  for (const table of await tablesWithoutTrigger(dataSource)) {
    const name = quoteIdentifier(table);
    const when = conditions(table);
    const statements = (['INSERT', 'UPDATE', 'DELETE'] as const).map(
      (operation) =>
        `CREATE TRIGGER ${quoteIdentifier(`${TRIGGER}_${operation.toLowerCase()}`)} AFTER ${operation} ON ${name}
           FOR EACH ROW WHEN (${when[operation]}) EXECUTE FUNCTION hostile_log_change()`,
    );
    statements.push(
      `CREATE TRIGGER ${quoteIdentifier(`${TRIGGER}_truncate`)} AFTER TRUNCATE ON ${name}
         FOR EACH STATEMENT EXECUTE FUNCTION hostile_log_change()`,
    );
    await dataSource.transaction(async (manager) => {
      for (const statement of statements) await manager.query(statement);
    });
  }
  if ((await tablesWithoutTrigger(dataSource)).length > 0)
    throw new Error('the suite could not put its change trigger on every table');
}

/**
 * Where the tables stand now. Fails if a table has no change trigger (one created after
 * installChangeLog), since a change to it would go unseen.
 */
export async function tableFingerprint(dataSource: DataSource): Promise<TableFingerprint> {
  const [row]: Array<{ mark: string; unwatched: string[] }> = await dataSource.query(
    `SELECT (SELECT coalesce(max(id), 0)::text FROM ${quoteIdentifier(CHANGE_LOG)}) AS mark,
            ARRAY(${UNWATCHED_TABLES}) AS unwatched`,
  );
  if (!row) throw new Error('the suite could not read its change log');
  if (row.unwatched.length > 0)
    throw new Error(
      `tables without the suite's change trigger (made after it started?): ${row.unwatched.join(', ')}`,
    );
  return { mark: row.mark };
}

/** The tables changed since `before`, each with what was done to how many rows ("events: 1 INSERT"). */
export async function changesSince(dataSource: DataSource, before: TableFingerprint): Promise<string[]> {
  const rows: Array<{ table_name: string; operation: string; rows: number }> = await dataSource.query(
    `SELECT table_name, operation, count(*)::int AS rows FROM ${quoteIdentifier(CHANGE_LOG)}
      WHERE id > $1 GROUP BY table_name, operation ORDER BY table_name, operation`,
    [before.mark],
  );
  return rows.map((row) => `${row.table_name}: ${row.rows} ${row.operation}`);
}

/** Tables of the current schema with no change trigger, the log itself aside. */
const UNWATCHED_TABLES = `
  SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '${CHANGE_LOG}'
     AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = '${TRIGGER}_insert')
   ORDER BY c.relname`;

async function tablesWithoutTrigger(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ relname: string }> = await dataSource.query(UNWATCHED_TABLES);
  return rows.map((row) => row.relname);
}

async function schemaQualified(dataSource: DataSource, table: string): Promise<string> {
  const [row]: Array<{ schema: string }> = await dataSource.query('SELECT current_schema() AS schema');
  return `${quoteIdentifier(row!.schema)}.${quoteIdentifier(table)}`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
