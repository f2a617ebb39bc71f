import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { AppConfig, Clock } from '@roundtable/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { REGISTRATION_RETENTION_BATCH_SIZE } from './registration-jobs';

export interface RegistrationSweepResult {
  /** Registrations whose personal data was erased in this sweep, across every batch. */
  erased: number;
  batches: number;
}

/**
 * The address an erased registration keeps: unique per row (so "one registration per person per
 * event" still holds), with no "@" (so it is never mailed, and the sweep knows it is done).
 */
export const ERASED_EMAIL_PREFIX = 'erased-';

/**
 * Erases registrations' personal data REGISTRATION_RETENTION_DAYS after their event ended, as the
 * privacy notice promises. The row stays, so the counts stay: its status, role, the kinds of
 * access need asked for, how they took part, how many came with them and attendance (the report's
 * attendance counts read these). Name, email, phone number and access notes go; the private link stops working (its hash and seed are replaced); consents to
 * a partner's contact are deleted; the delivery ledger's copies of the address are blanked and any
 * message still waiting for them is superseded. An audit entry records counts only.
 */
@Injectable()
export class RegistrationRetention {
  private readonly logger = new Logger(RegistrationRetention.name);
  private readonly days: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.days = config.get('REGISTRATION_RETENTION_DAYS');
  }

  async eraseExpired(batchSize = REGISTRATION_RETENTION_BATCH_SIZE): Promise<RegistrationSweepResult> {
    // One "now" for the whole sweep, so every batch has the same boundary.
    const now = this.clock.now();
    const result: RegistrationSweepResult = { erased: 0, batches: 0 };
    for (;;) {
      const erased = await this.dataSource.transaction((manager) => this.eraseBatch(manager, now, batchSize));
      if (erased === 0) break;
      result.erased += erased;
      result.batches += 1;
      if (erased < batchSize) break;
    }
    if (result.erased > 0) {
      this.logger.log(`Retention erased ${result.erased} registrations in ${result.batches} batch(es)`);
    }
    return result;
  }

  private async eraseBatch(manager: EntityManager, now: Date, batchSize: number): Promise<number> {
    // A registration not yet erased still has a real address (with an "@"), or a name (a walk-in
    // who gave no address); SKIP LOCKED lets two
    // workers sweep at once without erasing, or counting, a row twice.
    const [rows]: [{ id: string; event_id: string }[], number] = await manager.query(
      `WITH due AS (
         SELECT r.id FROM registrations r
           JOIN events e ON e.id = r.event_id
          WHERE e.ends_at < $1::timestamptz - make_interval(days => $2)
            -- A walk-in may have given no address: their row is known by its name until erased.
            AND (r.email LIKE '%@%' OR (r.email IS NULL AND r.name <> ''))
          ORDER BY e.ends_at, r.id
          LIMIT $3
          FOR UPDATE OF r SKIP LOCKED
       )
       UPDATE registrations SET
              name = '',
              email = '${ERASED_EMAIL_PREFIX}' || registrations.id::text,
              access_notes = NULL,
              phone = NULL,
              manage_token_hash = '${ERASED_EMAIL_PREFIX}' || registrations.id::text,
              link_nonce = NULL,
              link_key_id = NULL,
              updated_at = now()
         FROM due WHERE registrations.id = due.id
       RETURNING registrations.id, registrations.event_id`,
      [now, this.days, batchSize],
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    const [, consents]: [unknown, number] = await manager.query(
      `DELETE FROM partner_contact_consents WHERE registration_id = ANY($1::uuid[])`,
      [ids],
    );
    await manager.query(
      `UPDATE notifications SET status = 'superseded', updated_at = now()
        WHERE registration_id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
    await manager.query(
      `UPDATE notifications SET recipient_email = '' WHERE registration_id = ANY($1::uuid[])`,
      [ids],
    );
    await this.audit.record(
      {
        actorId: null,
        action: 'registration.erase',
        subjectType: 'registration',
        detail: {
          reason: 'retention',
          count: rows.length,
          events: new Set(rows.map((row) => row.event_id)).size,
          partnerConsents: consents,
          retentionDays: this.days,
        },
      },
      manager,
    );
    return rows.length;
  }
}
