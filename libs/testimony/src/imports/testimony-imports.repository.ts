import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Campaign } from '@roundtable/campaigns';
import { EntityManager, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { Theme } from '../themes/theme.entity';
import type { ImportMapping } from './import-mapping';
import { TestimonyImportMapping } from './testimony-import-mapping.entity';
import { TestimonyImport, type ImportResult } from './testimony-import.entity';

@Injectable()
export class TestimonyImportsRepository {
  constructor(@InjectRepository(TestimonyImport) private readonly imports: Repository<TestimonyImport>) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.imports.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<TestimonyImport | null> {
    return this.manager(manager).getRepository(TestimonyImport).findOneBy({ id });
  }

  /** The import's row, locked for the rest of the transaction: one commit of it at a time. */
  lockForCommit(manager: EntityManager, id: string): Promise<TestimonyImport | null> {
    return manager
      .getRepository(TestimonyImport)
      .createQueryBuilder('import')
      .where({ id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * Holds the survey's lock for the rest of the transaction, so two imports of the same survey
   * (two uploads of one file, committed at once) add each response once: the second waits, then
   * finds the first one's rows.
   */
  async lockSurvey(manager: EntityManager, fingerprint: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `testimony-import:${fingerprint}`,
    ]);
  }

  async insert(manager: EntityManager, record: Partial<TestimonyImport> & { id: string }): Promise<void> {
    await manager.getRepository(TestimonyImport).insert(record);
  }

  /** Clears the stories of every upload kept past its day and never committed: only the header row stays. */
  async clearExpired(manager: EntityManager, now: Date): Promise<number> {
    const result = await manager
      .getRepository(TestimonyImport)
      .update({ status: 'parsed', expiresAt: LessThanOrEqual(now), rows: Not(IsNull()) }, { rows: null });
    return result.affected ?? 0;
  }

  async saveMapping(manager: EntityManager, id: string, mapping: ImportMapping): Promise<void> {
    await manager.getRepository(TestimonyImport).update({ id }, { mapping });
  }

  async markCommitted(manager: EntityManager, id: string, result: ImportResult): Promise<void> {
    await manager.getRepository(TestimonyImport).update({ id }, { status: 'committed', rows: null, result });
  }

  savedMapping(fingerprint: string): Promise<TestimonyImportMapping | null> {
    return this.imports.manager.getRepository(TestimonyImportMapping).findOneBy({ fingerprint });
  }

  async rememberMapping(
    manager: EntityManager,
    fingerprint: string,
    mapping: ImportMapping,
    savedById: string,
  ): Promise<void> {
    await manager
      .getRepository(TestimonyImportMapping)
      .upsert({ fingerprint, mapping, savedById }, { conflictPaths: ['fingerprint'] });
  }

  /** Which of these external refs are already testimonies: one query, the refs as one array parameter. */
  async importedRefs(refs: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    if (refs.length === 0) return new Set();
    const rows: Array<{ external_ref: string }> = await this.manager(manager).query(
      'SELECT external_ref FROM testimonies WHERE external_ref = ANY($1::text[])',
      [refs],
    );
    return new Set(rows.map((row) => row.external_ref));
  }

  activeThemes(manager?: EntityManager): Promise<Array<Pick<Theme, 'id' | 'slug' | 'name'>>> {
    return this.manager(manager)
      .getRepository(Theme)
      .find({ select: { id: true, slug: true, name: true }, where: { status: 'active' } });
  }

  campaignExists(id: string): Promise<boolean> {
    return this.imports.manager.getRepository(Campaign).existsBy({ id });
  }
}
