import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner organisations (issue 11): partners, co-hosts and co-host requests, attendees' consent to a
 * partner contacting them, partners' private calendar feeds, single-use password links, users that
 * can be deactivated, and the partner that invited a registration.
 */
export class Partners1796000000000 implements MigrationInterface {
  name = 'Partners1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "nonce" text NOT NULL, "key_id" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "password_links_purpose_known" CHECK ("purpose" IN ('welcome', 'reset')), CONSTRAINT "PK_ac2d6833bc67a2684b10875ac4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_links_by_user" ON "password_links" ("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "password_links_by_token" ON "password_links" ("token_hash")`,
    );
    await queryRunner.query(
      `CREATE TABLE "partners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "charity_number" text, "charity_register" text, "contact_name" text NOT NULL, "contact_email" text NOT NULL, "description" text NOT NULL, "areas" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'pending', "rejection_reason" text, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partners_rejection_has_reason" CHECK ("status" <> 'rejected' OR "rejection_reason" IS NOT NULL), CONSTRAINT "partners_register_known" CHECK ("charity_register" IS NULL OR "charity_register" IN ('england-wales', 'scotland', 'northern-ireland')), CONSTRAINT "partners_status_known" CHECK ("status" IN ('pending', 'approved', 'rejected')), CONSTRAINT "PK_998645b20820e4ab99aeae03b41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "partners_by_status" ON "partners" ("status", "created_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "partners_one_per_contact_email" ON "partners" ("contact_email")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "partners_one_per_charity_number" ON "partners" ("charity_number") WHERE "charity_number" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "partner_calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8876ca3d7ccf3d2ab74293e8ca4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "partner_calendar_feeds_by_token" ON "partner_calendar_feeds" ("token_hash")`,
    );
    await queryRunner.query(
      `CREATE TABLE "partner_contact_consents" ("registration_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_74dfa2df5f1fe528f0f2e96f626" PRIMARY KEY ("registration_id", "partner_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "partner_contact_consents_by_partner" ON "partner_contact_consents" ("partner_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "event_cohosts" ("event_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "added_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1f465cd99cd53ff70557d62062" PRIMARY KEY ("event_id", "partner_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "event_cohosts_by_partner" ON "event_cohosts" ("partner_id")`);
    await queryRunner.query(
      `CREATE TABLE "cohost_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "requested_by_id" uuid, "message" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decline_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cohost_requests_status_known" CHECK ("status" IN ('pending', 'accepted', 'declined')), CONSTRAINT "PK_f06caf1e427fd960414fb6b4dab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cohost_requests_by_status" ON "cohost_requests" ("status", "created_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cohost_requests_one_pending" ON "cohost_requests" ("event_id", "partner_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "registrations" ADD "invited_by_partner_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "password_links" ADD CONSTRAINT "password_links_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_calendar_feeds" ADD CONSTRAINT "partner_calendar_feeds_partner_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_contact_consents" ADD CONSTRAINT "partner_contact_consents_registration_fk" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_contact_consents" ADD CONSTRAINT "partner_contact_consents_partner_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_cohosts" ADD CONSTRAINT "event_cohosts_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_cohosts" ADD CONSTRAINT "event_cohosts_partner_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohost_requests" ADD CONSTRAINT "cohost_requests_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohost_requests" ADD CONSTRAINT "cohost_requests_partner_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cohost_requests" DROP CONSTRAINT "cohost_requests_partner_fk"`);
    await queryRunner.query(`ALTER TABLE "cohost_requests" DROP CONSTRAINT "cohost_requests_event_fk"`);
    await queryRunner.query(`ALTER TABLE "event_cohosts" DROP CONSTRAINT "event_cohosts_partner_fk"`);
    await queryRunner.query(`ALTER TABLE "event_cohosts" DROP CONSTRAINT "event_cohosts_event_fk"`);
    await queryRunner.query(
      `ALTER TABLE "partner_contact_consents" DROP CONSTRAINT "partner_contact_consents_partner_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_contact_consents" DROP CONSTRAINT "partner_contact_consents_registration_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_calendar_feeds" DROP CONSTRAINT "partner_calendar_feeds_partner_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "password_links" DROP CONSTRAINT "password_links_user_fk"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "invited_by_partner_id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`DROP INDEX "public"."cohost_requests_one_pending"`);
    await queryRunner.query(`DROP INDEX "public"."cohost_requests_by_status"`);
    await queryRunner.query(`DROP TABLE "cohost_requests"`);
    await queryRunner.query(`DROP INDEX "public"."event_cohosts_by_partner"`);
    await queryRunner.query(`DROP TABLE "event_cohosts"`);
    await queryRunner.query(`DROP INDEX "public"."partner_contact_consents_by_partner"`);
    await queryRunner.query(`DROP TABLE "partner_contact_consents"`);
    await queryRunner.query(`DROP INDEX "public"."partner_calendar_feeds_by_token"`);
    await queryRunner.query(`DROP TABLE "partner_calendar_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."partners_one_per_charity_number"`);
    await queryRunner.query(`DROP INDEX "public"."partners_one_per_contact_email"`);
    await queryRunner.query(`DROP INDEX "public"."partners_by_status"`);
    await queryRunner.query(`DROP TABLE "partners"`);
    await queryRunner.query(`DROP INDEX "public"."password_links_by_token"`);
    await queryRunner.query(`DROP INDEX "public"."password_links_by_user"`);
    await queryRunner.query(`DROP TABLE "password_links"`);
  }
}
