import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, and a campaign an event may belong to. Deleting a campaign leaves its events in
 * place, unlinked (ON DELETE SET NULL); every existing event starts with no campaign.
 */
export class Campaigns1795810000000 implements MigrationInterface {
  name = 'Campaigns1795810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "summary" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "evidence_use" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "campaigns_status_known" CHECK ("status" IN ('draft', 'published', 'closed')), CONSTRAINT "campaigns_ends_on_or_after_start" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_campaigns_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "events" ADD "campaign_id" uuid`);
    await queryRunner.query(`CREATE INDEX "events_campaign_id" ON "events" ("campaign_id") `);
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "events_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "events_campaign_fk"`);
    await queryRunner.query(`DROP INDEX "public"."events_campaign_id"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "campaign_id"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
