import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Manage links are derived at send time (HMAC-SHA256 under a LINK_KEYS key, of a random nonce
 * kept on the registration) instead of travelling as raw tokens in notifications.payload.
 *
 * - Adds the seed columns (nonce, key id); only the token's hash and the nonce are stored.
 * - Indexes the "here is your link" messages by address, for the public sending limits.
 * - Strips `manageToken` from every notification payload, sent or not: no raw token is left in
 *   any table.
 * - Rows made before this have no seed, and the migration cannot make one: the key is in the
 *   environment, not the database. They are seeded lazily: the first time the worker needs such
 *   a person's link (their next reminder, update, or a "send me my link" request) it gives the row
 *   a nonce under the current key, which replaces its token hash, and the email carries the new,
 *   working link. The person's older emailed links stop working then (the hash they matched is
 *   gone), which the README says; until then their old link keeps working. Rows whose key is
 *   later taken out of LINK_KEYS are re-seeded the same way.
 */
export class DerivedManageLinks1795600000000 implements MigrationInterface {
  name = 'DerivedManageLinks1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ADD "link_nonce" text`);
    await queryRunner.query(`ALTER TABLE "registrations" ADD "link_key_id" text`);
    await queryRunner.query(
      `CREATE INDEX "notifications_link_sends" ON "notifications" ("recipient_email", "created_at") WHERE "kind" = 'manage-link'`,
    );
    await queryRunner.query(
      `UPDATE "notifications" SET "payload" = "payload" - 'manageToken' WHERE "payload" ? 'manageToken'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The stripped tokens cannot come back; going down leaves those messages without a link.
    await queryRunner.query(`DROP INDEX "public"."notifications_link_sends"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "link_key_id"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "link_nonce"`);
  }
}
