import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, point 3: how someone takes part (in person or online), how many come with them and a
 * phone number for those who would rather be called. Existing rows are in person (or online for an
 * online-only event), on their own, with no phone.
 */
export class EventFormats1796100000000 implements MigrationInterface {
  name = 'EventFormats1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ADD "attendance" text NOT NULL DEFAULT 'in_person'`);
    await queryRunner.query(`ALTER TABLE "registrations" ADD "companions" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "registrations" ADD "phone" text`);
    await queryRunner.query(
      `UPDATE "registrations" r SET "attendance" = 'online' FROM "events" e WHERE e."id" = r."event_id" AND e."venue_id" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "registrations_attendance_known" CHECK ("attendance" IN ('in_person', 'online'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "registrations_companions_range" CHECK ("companions" BETWEEN 0 AND 4)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "registrations_companions_range"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "registrations_attendance_known"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "companions"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "attendance"`);
  }
}
