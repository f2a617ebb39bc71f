/**
 * Where an encrypted value lives: its table, its column and its row's id. Each value is sealed
 * with its address as associated data, so a ciphertext copied to another row or another field
 * (or another table) fails to open instead of showing one person's words under another's name.
 */
export interface FieldAddress {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

/** An address with nothing missing: an unsaved row with no id yet would bind every value to "". */
export function checkFieldAddress(at: FieldAddress): void {
  for (const part of ['table', 'column', 'rowId'] as const) {
    if (typeof at[part] !== 'string' || at[part] === '') {
      throw new TypeError(`a field address needs its ${part}: give the row its id before sealing`);
    }
  }
}

/** How an address is written in messages and logs: ids only, never the value. */
export function describeFieldAddress(at: FieldAddress): string {
  return `${at.table}.${at.column} of row ${at.rowId}`;
}
