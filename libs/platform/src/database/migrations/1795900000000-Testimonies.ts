import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Testimony: what people tell us (free text sealed per field, see libs/testimony/src/encryption),
 * its themes, staff notes, casework referrals and the counts erasures leave; and the audit log of
 * every read, export and import of it.
 */
export class Testimonies1795900000000 implements MigrationInterface {
  name = 'Testimonies1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" text, "detail" jsonb NOT NULL DEFAULT '{}', "request_id" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_by_action" ON "audit_log" ("action", "at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_by_actor" ON "audit_log" ("actor_id", "at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_by_time" ON "audit_log" ("at") `);
    await queryRunner.query(
      `CREATE TABLE "testimonies" ("id" uuid NOT NULL, "campaign_id" uuid, "event_id" uuid, "registration_id" uuid, "source" text NOT NULL, "role" text NOT NULL, "area" text, "on_behalf_of_young_person" boolean NOT NULL DEFAULT false, "assessment_wait_weeks" integer, "plan_wait_weeks" integer, "deadline" text, "tribunal" text, "age_band" text, "school_phase" text, "story" text NOT NULL, "redacted_story" text, "name" text, "email" text, "quote_consent" text NOT NULL, "contact_consent" boolean NOT NULL DEFAULT false, "share_with_authority" boolean NOT NULL DEFAULT false, "casework_requested" boolean NOT NULL DEFAULT false, "status" text NOT NULL DEFAULT 'new', "safeguarding_flag" text, "flagged_at" TIMESTAMP WITH TIME ZONE, "quote_selected" boolean NOT NULL DEFAULT false, "receipt_token_hash" text, "receipt_nonce" text, "receipt_key_id" text, "entered_by_id" uuid, "external_ref" text, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "testimonies_receipt_token_hash" UNIQUE ("receipt_token_hash"), CONSTRAINT "testimonies_external_ref" UNIQUE ("external_ref"), CONSTRAINT "testimonies_waits_sane" CHECK ("assessment_wait_weeks" >= 0 AND "plan_wait_weeks" >= 0), CONSTRAINT "testimonies_tribunal_known" CHECK ("tribunal" IN ('no', 'won', 'partly-won', 'lost', 'conceded', 'withdrawn', 'waiting')), CONSTRAINT "testimonies_deadline_known" CHECK ("deadline" IN ('met', 'missed', 'not-sure')), CONSTRAINT "testimonies_school_phase_known" CHECK ("school_phase" IN ('early-years', 'primary', 'secondary', 'post-16', 'not-in-education')), CONSTRAINT "testimonies_age_band_known" CHECK ("age_band" IN ('0-4', '5-10', '11-15', '16-18', '19-25')), CONSTRAINT "testimonies_flag_known" CHECK ("safeguarding_flag" IN ('suggested', 'raised')), CONSTRAINT "testimonies_quote_consent_known" CHECK ("quote_consent" IN ('quote-anonymously', 'count-only', 'office-only')), CONSTRAINT "testimonies_role_known" CHECK ("role" IN ('parent-carer', 'young-person', 'teacher-ta', 'other-professional', 'other')), CONSTRAINT "testimonies_status_known" CHECK ("status" IN ('new', 'reviewed', 'included', 'excluded')), CONSTRAINT "testimonies_source_known" CHECK ("source" IN ('public', 'staff', 'import')), CONSTRAINT "PK_66810cc4e65709c3bb30c5679bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "testimonies_by_submitted" ON "testimonies" ("submitted_at") `);
    await queryRunner.query(`CREATE INDEX "testimonies_by_event" ON "testimonies" ("event_id") `);
    await queryRunner.query(
      `CREATE INDEX "testimonies_by_campaign" ON "testimonies" ("campaign_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "testimony_notes" ("id" uuid NOT NULL, "testimony_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7717e803bd46cd909b66e7fb626" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "testimony_notes_by_testimony" ON "testimony_notes" ("testimony_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "testimony_themes" ("testimony_id" uuid NOT NULL, "theme_id" uuid NOT NULL, CONSTRAINT "PK_ee4250e924431f8ec897585e7ab" PRIMARY KEY ("testimony_id", "theme_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "testimony_themes_by_theme" ON "testimony_themes" ("theme_id") `);
    await queryRunner.query(
      `CREATE TABLE "testimony_erasures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reason" text NOT NULL, "count" integer NOT NULL, "campaign_id" uuid, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "testimony_erasures_count_positive" CHECK ("count" > 0), CONSTRAINT "testimony_erasures_reason_known" CHECK ("reason" IN ('request', 'retention')), CONSTRAINT "PK_7273ec9e891e2c0724b813dce31" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "testimony_erasures_by_time" ON "testimony_erasures" ("erased_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "casework_referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "testimony_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "casework_referrals_one_per_testimony" UNIQUE ("testimony_id"), CONSTRAINT "casework_referrals_status_known" CHECK ("status" IN ('open', 'in-progress', 'closed')), CONSTRAINT "PK_d7b7478b53f44ea470c434f1598" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_registration_fk" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_entered_by_fk" FOREIGN KEY ("entered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_notes" ADD CONSTRAINT "testimony_notes_testimony_fk" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_notes" ADD CONSTRAINT "testimony_notes_author_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_themes" ADD CONSTRAINT "testimony_themes_testimony_fk" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "testimony_themes" ADD CONSTRAINT "testimony_themes_theme_fk" FOREIGN KEY ("theme_id") REFERENCES "themes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "casework_referrals" ADD CONSTRAINT "casework_referrals_testimony_fk" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "casework_referrals" DROP CONSTRAINT "casework_referrals_testimony_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "testimony_themes" DROP CONSTRAINT "testimony_themes_theme_fk"`);
    await queryRunner.query(`ALTER TABLE "testimony_themes" DROP CONSTRAINT "testimony_themes_testimony_fk"`);
    await queryRunner.query(`ALTER TABLE "testimony_notes" DROP CONSTRAINT "testimony_notes_author_fk"`);
    await queryRunner.query(`ALTER TABLE "testimony_notes" DROP CONSTRAINT "testimony_notes_testimony_fk"`);
    await queryRunner.query(`ALTER TABLE "testimonies" DROP CONSTRAINT "testimonies_entered_by_fk"`);
    await queryRunner.query(`ALTER TABLE "testimonies" DROP CONSTRAINT "testimonies_registration_fk"`);
    await queryRunner.query(`ALTER TABLE "testimonies" DROP CONSTRAINT "testimonies_event_fk"`);
    await queryRunner.query(`ALTER TABLE "testimonies" DROP CONSTRAINT "testimonies_campaign_fk"`);
    await queryRunner.query(`DROP TABLE "casework_referrals"`);
    await queryRunner.query(`DROP INDEX "public"."testimony_erasures_by_time"`);
    await queryRunner.query(`DROP TABLE "testimony_erasures"`);
    await queryRunner.query(`DROP INDEX "public"."testimony_themes_by_theme"`);
    await queryRunner.query(`DROP TABLE "testimony_themes"`);
    await queryRunner.query(`DROP INDEX "public"."testimony_notes_by_testimony"`);
    await queryRunner.query(`DROP TABLE "testimony_notes"`);
    await queryRunner.query(`DROP INDEX "public"."testimonies_by_campaign"`);
    await queryRunner.query(`DROP INDEX "public"."testimonies_by_event"`);
    await queryRunner.query(`DROP INDEX "public"."testimonies_by_submitted"`);
    await queryRunner.query(`DROP TABLE "testimonies"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_by_time"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_by_actor"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_by_action"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
