import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The survey import: an upload between upload and commit (its rows sealed, cleared after commit or a
 * day), and the column mapping saved per survey (by its header row's fingerprint).
 */
export class TestimonyImports1795930000000 implements MigrationInterface {
  name = 'TestimonyImports1795930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "testimony_imports" ("id" uuid NOT NULL, "status" text NOT NULL, "format" text NOT NULL, "fingerprint" text NOT NULL, "headers" jsonb NOT NULL, "row_count" integer NOT NULL, "rows" text, "mapping" jsonb, "campaign_id" uuid, "uploaded_by_id" uuid, "result" jsonb, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "testimony_imports_status_known" CHECK ("status" IN ('parsed', 'committed')), CONSTRAINT "PK_048327cd7083ed1e7a749be35ed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "testimony_imports_by_expiry" ON "testimony_imports" ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "testimony_import_mappings" ("fingerprint" text NOT NULL, "mapping" jsonb NOT NULL, "saved_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0074a7ae9fd32852d2515be1aeb" PRIMARY KEY ("fingerprint"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_imports" ADD CONSTRAINT "testimony_imports_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_imports" ADD CONSTRAINT "testimony_imports_uploaded_by_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_import_mappings" ADD CONSTRAINT "testimony_import_mappings_saved_by_fk" FOREIGN KEY ("saved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "testimony_import_mappings" DROP CONSTRAINT "testimony_import_mappings_saved_by_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_imports" DROP CONSTRAINT "testimony_imports_uploaded_by_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_imports" DROP CONSTRAINT "testimony_imports_campaign_fk"`,
    );
    await queryRunner.query(`DROP TABLE "testimony_import_mappings"`);
    await queryRunner.query(`DROP INDEX "public"."testimony_imports_by_expiry"`);
    await queryRunner.query(`DROP TABLE "testimony_imports"`);
  }
}
