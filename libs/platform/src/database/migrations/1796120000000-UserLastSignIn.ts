import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12, point 8: when each user last signed in, for the admins' list of staff accounts. */
export class UserLastSignIn1796120000000 implements MigrationInterface {
  name = 'UserLastSignIn1796120000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "last_signed_in_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "last_signed_in_at"`);
  }
}
