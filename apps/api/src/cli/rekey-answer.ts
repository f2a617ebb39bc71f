import type { RekeyResult } from '@roundtable/testimony';

/**
 * What `npm run cli -- reencrypt-testimony` says it did: counts and the addresses of values it
 * could not open (table, column, row id and the kind of fault), never a value.
 */
export function rekeyAnswer(result: RekeyResult): string[] {
  const lines = [
    `Re-encrypted ${result.reencrypted} of ${result.values} sealed values under key "${result.currentKeyId}" ` +
      `(${result.rowsWritten} rows written; the rest were already under it).`,
  ];
  if (result.unreadable.length === 0) return lines;
  lines.push(
    `${result.unreadable.length} could not be opened and were left as they are (see README, "Testimony keys"):`,
    ...result.unreadable.map(
      ({ table, column, rowId, error }) => `  ${table}.${column} of row ${rowId}: ${error}`,
    ),
  );
  return lines;
}
