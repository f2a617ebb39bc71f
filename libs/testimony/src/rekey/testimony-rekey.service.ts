import { Injectable } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { SealedValueError } from '../encryption/cipher-errors';
import type { EncryptedColumn } from '../encryption/encrypted-column';
import { FieldCipher } from '../encryption/field-cipher';
import { SEALED_COLUMNS } from './sealed-columns';

/** A value that could not be opened: reported by address and error, never re-sealed. */
export interface UnreadableValue {
  table: string;
  column: string;
  rowId: string;
  /** TamperedSealedValue, UnknownTestimonyKey or MalformedSealedValue. */
  error: string;
}

export interface RekeyResult {
  currentKeyId: string;
  /** Non-null sealed values looked at. */
  values: number;
  /** Values sealed again under the current key. */
  reencrypted: number;
  /** Rows written (a row with several changed values is written once). */
  rowsWritten: number;
  unreadable: UnreadableValue[];
}

const BATCH_SIZE = 200;

/**
 * Re-encrypts every sealed value (SEALED_COLUMNS) under the current key, for key rotation. Walks
 * each table by id in batches, each batch one transaction holding its rows' locks, so an edit
 * made meanwhile is neither lost nor overwritten with an older value; writes only the rows whose
 * value changed, so running it again changes nothing.
 */
@Injectable()
export class TestimonyRekey {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
  ) {}

  async reencryptAll(batchSize = BATCH_SIZE): Promise<RekeyResult> {
    const result: RekeyResult = {
      currentKeyId: this.cipher.currentKeyId,
      values: 0,
      reencrypted: 0,
      rowsWritten: 0,
      unreadable: [],
    };
    for (const [table, columns] of byTable(SEALED_COLUMNS)) {
      let afterId: string | null = null;
      do {
        afterId = await this.dataSource.transaction((manager) =>
          this.reencryptBatch(manager, table, columns, afterId, batchSize, result),
        );
      } while (afterId !== null);
    }
    await this.audit.record({
      actorId: null,
      action: 'testimony.rekey',
      subjectType: 'testimony',
      detail: {
        keyId: result.currentKeyId,
        values: result.values,
        reencrypted: result.reencrypted,
        rowsWritten: result.rowsWritten,
        unreadable: result.unreadable.length,
      },
    });
    return result;
  }

  /** One batch of one table; the last id it saw, or null when the table is done. */
  private async reencryptBatch(
    manager: EntityManager,
    table: string,
    columns: readonly EncryptedColumn[],
    afterId: string | null,
    batchSize: number,
    result: RekeyResult,
  ): Promise<string | null> {
    const names = columns.map((column) => quote(column.column));
    const rows: Record<string, string | null>[] = await manager.query(
      `SELECT id, ${names.join(', ')} FROM ${quote(table)}
        WHERE $1::uuid IS NULL OR id > $1::uuid
        ORDER BY id LIMIT $2 FOR UPDATE`,
      [afterId, batchSize],
    );
    for (const row of rows) {
      const rowId = row.id!;
      const changed: [string, string][] = [];
      for (const column of columns) {
        const sealed = row[column.column];
        if (sealed === null) continue;
        result.values += 1;
        try {
          const moved = column.reencrypt(this.cipher, rowId, sealed)!;
          if (moved !== sealed) changed.push([column.column, moved]);
        } catch (error) {
          if (!(error instanceof SealedValueError)) throw error;
          result.unreadable.push({ table, column: column.column, rowId, error: error.name });
        }
      }
      if (changed.length === 0) continue;
      const sets = changed.map(([name], index) => `${quote(name)} = $${index + 2}`);
      await manager.query(`UPDATE ${quote(table)} SET ${sets.join(', ')} WHERE id = $1`, [
        rowId,
        ...changed.map(([, value]) => value),
      ]);
      result.reencrypted += changed.length;
      result.rowsWritten += 1;
    }
    return rows.length < batchSize ? null : rows[rows.length - 1].id;
  }
}

function byTable(columns: readonly EncryptedColumn[]): Map<string, EncryptedColumn[]> {
  const tables = new Map<string, EncryptedColumn[]>();
  for (const column of columns) tables.set(column.table, [...(tables.get(column.table) ?? []), column]);
  return tables;
}

/** Names come from SEALED_COLUMNS, not from input; quoted all the same. */
function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
