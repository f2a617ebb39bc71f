import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger serves every domain, not only events: a notification names its subject (event,
 * partner, testimony or staff) and the id of that subject's row. `event_id` and `event_sequence`
 * stay, for messages about an event only, which a CHECK holds to having both.
 *
 * Every row so far is about an event (staff alerts about late access needs included), so each
 * becomes subject `event` with its own event_id as subject_id: no data is lost or changed.
 */
export class NotificationSubjects1795700000000 implements MigrationInterface {
  name = 'NotificationSubjects1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "subject_type" text`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "subject_id" uuid`);
    await queryRunner.query(`UPDATE "notifications" SET "subject_type" = 'event', "subject_id" = "event_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "subject_type" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "subject_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "event_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "event_sequence" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_known" CHECK ("subject_type" IN ('event', 'partner', 'testimony', 'staff'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_subject" CHECK ("subject_type" <> 'event' OR ("event_id" IS NOT NULL AND "event_sequence" IS NOT NULL AND "subject_id" = "event_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_subject" ON "notifications" ("subject_type", "subject_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Rows about anything but an event cannot live in the old table, which needs an event.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "subject_type" <> 'event'`);
    await queryRunner.query(`DROP INDEX "public"."notifications_subject"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_event_subject"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_known"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "event_sequence" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "event_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "subject_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "subject_type"`);
  }
}
