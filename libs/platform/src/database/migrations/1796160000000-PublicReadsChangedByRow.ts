import { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLIC_READ_TABLES = ['events', 'venues', 'event_cohosts', 'partners', 'campaigns'] as const;

/**
 * The public-read triggers fire for rows that changed, not for every statement: a statement
 * trigger fires even when its statement changed nothing, and every booking that found its event
 * full (an UPDATE of places taken matching no row) told every api process to let its pages go,
 * and queued its commit behind the others' for the notification. Row triggers on insert, delete
 * and an update that changed something (Postgres folds a transaction's repeats into one
 * notification); a statement trigger still for TRUNCATE, which has no rows to fire for.
 */
export class PublicReadsChangedByRow1796160000000 implements MigrationInterface {
  name = 'PublicReadsChangedByRow1796160000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of PUBLIC_READ_TABLES) {
      await queryRunner.query(`DROP TRIGGER "${table}_public_reads_changed" ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "${table}_public_reads_changed" AFTER INSERT OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "public_reads_changed"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_public_reads_updated" AFTER UPDATE ON "${table}" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "public_reads_changed"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_public_reads_truncated" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "public_reads_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PUBLIC_READ_TABLES) {
      await queryRunner.query(`DROP TRIGGER "${table}_public_reads_truncated" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_public_reads_updated" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_public_reads_changed" ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "${table}_public_reads_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "public_reads_changed"()`,
      );
    }
  }
}
