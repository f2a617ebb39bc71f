import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessTaskLateAlerts1795580899879 implements MigrationInterface {
  name = 'AccessTaskLateAlerts1795580899879';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "access_tasks" ADD "late_alerted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "access_tasks_late_unalerted" ON "access_tasks" ("due_at") WHERE "status" = 'open' AND "late_alerted_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."access_tasks_late_unalerted"`);
    await queryRunner.query(`ALTER TABLE "access_tasks" DROP COLUMN "late_alerted_at"`);
  }
}
