import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationCalendarRevision1795580782023 implements MigrationInterface {
  name = 'RegistrationCalendarRevision1795580782023';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD "calendar_revision" integer NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "calendar_revision"`);
  }
}
