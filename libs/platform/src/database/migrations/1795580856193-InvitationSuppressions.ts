import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationSuppressions1795580856193 implements MigrationInterface {
  name = 'InvitationSuppressions1795580856193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "invitation_suppressions" ("address_hash" text NOT NULL, "source" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invitation_suppressions_source_known" CHECK ("source" IN ('one-click', 'unsubscribe-page', 'api')), CONSTRAINT "PK_c51829f774474f8a8977fb9a7d3" PRIMARY KEY ("address_hash"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invitation_suppressions"`);
  }
}
