import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public registration limit counts an address's registrations of the last 24 hours across
 * events (see ManageLinkRequests.mayRegisterNew); invitations (invited_at set) are staff's and
 * do not count, so the index holds only the rows the public made.
 */
export class PublicRegistrationsByAddress1795610000000 implements MigrationInterface {
  name = 'PublicRegistrationsByAddress1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "registrations_public_by_address" ON "registrations" ("email", "created_at") WHERE "invited_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."registrations_public_by_address"`);
  }
}
