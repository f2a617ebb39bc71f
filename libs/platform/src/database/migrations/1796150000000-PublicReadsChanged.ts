import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the public list and event pages read from: a change to any may change a page. */
const PUBLIC_READ_TABLES = ['events', 'venues', 'event_cohosts', 'partners', 'campaigns'] as const;

/**
 * Issue 13: the api keeps rendered public pages until what they show changes. A statement trigger
 * on each table they read notifies `roundtable_public_reads` with the schema written to (tests
 * run one schema each in one database), delivered by Postgres when the transaction commits, so
 * every api process hears of every change whoever made it. Statement-level: a booking's one
 * UPDATE of places taken costs one notification, and Postgres folds repeats within a transaction.
 */
export class PublicReadsChanged1796150000000 implements MigrationInterface {
  name = 'PublicReadsChanged1796150000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "public_reads_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('roundtable_public_reads', TG_TABLE_SCHEMA);
        RETURN NULL;
      END $$`);
    for (const table of PUBLIC_READ_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_public_reads_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "public_reads_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PUBLIC_READ_TABLES) {
      await queryRunner.query(`DROP TRIGGER "${table}_public_reads_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "public_reads_changed"()`);
  }
}
