import type { DataSource } from 'typeorm';

/** Each table's row count and a digest of its contents, to show a refused request wrote nothing. */
export type TableFingerprint = Record<string, { rows: number; digest: string | null }>;

/**
 * Rows that record a read, not a change: a refused form shown again with what to fix also shows
 * the testimony it is about, and that read is audited like any other.
 */
const READS: Record<string, string> = {
  audit_log: `WHERE action NOT IN ('testimony.read', 'testimony.list', 'casework.list')`,
};

/**
 * Every table of the database, read from information_schema (not listed by hand, so a table
 * added later is covered). A digest of the rows as well as their count catches a refused
 * request that changed a row as well as one that added or removed one.
 */
export async function tableFingerprint(dataSource: DataSource): Promise<TableFingerprint> {
  const tables: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      ORDER BY table_name`,
  );
  if (tables.length === 0) throw new Error('the suite found no tables to compare');
  const selects = tables.map(
    ({ table_name }) =>
      `SELECT ${quoteLiteral(table_name)} AS name, count(*)::int AS rows,
              md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
         FROM ${quoteIdentifier(table_name)} t ${READS[table_name] ?? ''}`,
  );
  const rows: Array<{ name: string; rows: number; digest: string | null }> = await dataSource.query(
    selects.join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((row) => [row.name, { rows: row.rows, digest: row.digest }]));
}

/** The tables whose rows differ, each with its counts before and after ("events 12→13"). */
export function changedTables(before: TableFingerprint, after: TableFingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter(
      (name) => before[name]?.digest !== after[name]?.digest || before[name]?.rows !== after[name]?.rows,
    )
    .map((name) => `${name} ${before[name]?.rows ?? 'none'}→${after[name]?.rows ?? 'none'} rows`);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
