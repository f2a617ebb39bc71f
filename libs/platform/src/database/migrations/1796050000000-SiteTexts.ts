import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12: an admin's own wording for the privacy notice and accessibility statement. */
export class SiteTexts1796050000000 implements MigrationInterface {
  name = 'SiteTexts1796050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site_texts" ("key" text NOT NULL, "body" text NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "site_texts_key_known" CHECK ("key" IN ('privacy', 'accessibility')), CONSTRAINT "site_texts_pkey" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "site_texts"`);
  }
}
