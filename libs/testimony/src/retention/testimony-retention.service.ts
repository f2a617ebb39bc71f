import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { AppConfig, Clock } from '@roundtable/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { TestimonyErasure } from '../testimonies/testimony-erasure.entity';
import { RETENTION_BATCH_SIZE } from './testimony-jobs';

export interface RetentionSweepResult {
  /** Testimonies erased in this sweep, across every batch. */
  erased: number;
  batches: number;
}

/**
 * Erases testimony given more than TESTIMONY_RETENTION_MONTHS ago, as the design promises: the
 * rows go (their themes, notes and casework referrals with them, by cascade) and what is left is
 * a count per campaign in testimony_erasures and an audit entry with counts only.
 */
@Injectable()
export class TestimonyRetention {
  private readonly logger = new Logger(TestimonyRetention.name);
  private readonly months: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.months = config.get('TESTIMONY_RETENTION_MONTHS');
  }

  /** Erases batch after batch until nothing older than the period is left. */
  async eraseExpired(batchSize = RETENTION_BATCH_SIZE): Promise<RetentionSweepResult> {
    // One "now" for the whole sweep, so a sweep that runs across midnight has one boundary.
    const now = this.clock.now();
    const result: RetentionSweepResult = { erased: 0, batches: 0 };
    for (;;) {
      const erased = await this.dataSource.transaction((manager) => this.eraseBatch(manager, now, batchSize));
      if (erased === 0) break;
      result.erased += erased;
      result.batches += 1;
      if (erased < batchSize) break;
    }
    if (result.erased > 0) {
      this.logger.log(`Retention erased ${result.erased} testimonies in ${result.batches} batch(es)`);
    }
    return result;
  }

  /** One transaction: delete up to batchSize expired rows, record their counts and audit it. */
  private async eraseBatch(manager: EntityManager, now: Date, batchSize: number): Promise<number> {
    // Months are counted by Postgres's calendar arithmetic (31 March less one month is 28 or 29
    // February), and SKIP LOCKED lets two workers sweep at once without erasing, or counting, a row twice.
    // For a DELETE … RETURNING, TypeORM's Postgres driver answers [rows, count].
    const [rows]: [{ campaign_id: string | null }[], number] = await manager.query(
      `WITH expired AS (
         SELECT id FROM testimonies
          WHERE submitted_at < $1::timestamptz - make_interval(months => $2)
          ORDER BY submitted_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED
       )
       DELETE FROM testimonies USING expired WHERE testimonies.id = expired.id
       RETURNING testimonies.campaign_id`,
      [now, this.months, batchSize],
    );
    if (rows.length === 0) return 0;
    const perCampaign = countBy(rows.map((row) => row.campaign_id));
    await manager
      .getRepository(TestimonyErasure)
      .insert(
        [...perCampaign].map(([campaignId, count]) => ({ reason: 'retention' as const, count, campaignId })),
      );
    await this.audit.record(
      {
        actorId: null,
        action: 'testimony.erase',
        subjectType: 'testimony',
        detail: {
          reason: 'retention',
          count: rows.length,
          campaigns: perCampaign.size,
          retentionMonths: this.months,
        },
      },
      manager,
    );
    return rows.length;
  }
}

function countBy<K>(keys: readonly K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
