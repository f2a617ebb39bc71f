import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, point 6: registrations staff make for people who phone (on their behalf) or walk in
 * on the day. Who made them and how; a walk-in may give no email address (never a placeholder:
 * the column is null, and only a walk-in's may be); a walk-in let in when every place was taken
 * holds none.
 */
export class StaffMadeRegistrations1796110000000 implements MigrationInterface {
  name = 'StaffMadeRegistrations1796110000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ADD "registered_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "registrations" ADD "registered_via" text`);
    await queryRunner.query(`ALTER TABLE "registrations" ADD "without_place" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "registrations" ALTER COLUMN "email" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "registrations_email_unless_walk_in" CHECK ("email" IS NOT NULL OR "registered_via" = 'walk_in')`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "registrations_registered_via_known" CHECK ("registered_via" IN ('phone', 'walk_in'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "registrations_without_place_walk_in" CHECK (NOT "without_place" OR "registered_via" = 'walk_in')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Walk-ins without an address cannot go back to a column that requires one.
    await queryRunner.query(`DELETE FROM "registrations" WHERE "email" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "registrations" DROP CONSTRAINT "registrations_without_place_walk_in"`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" DROP CONSTRAINT "registrations_registered_via_known"`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" DROP CONSTRAINT "registrations_email_unless_walk_in"`,
    );
    await queryRunner.query(`ALTER TABLE "registrations" ALTER COLUMN "email" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "without_place"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "registered_via"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "registered_by_user_id"`);
  }
}
