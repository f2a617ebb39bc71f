import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationsAndNotifications1795575405703 implements MigrationInterface {
  name = 'RegistrationsAndNotifications1795575405703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "role" text, "status" text NOT NULL, "access_needs" text array NOT NULL DEFAULT '{}', "access_notes" text, "manage_token_hash" text NOT NULL, "queue_position" BIGSERIAL NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE, "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "attended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "registrations_one_per_person" UNIQUE ("event_id", "email"), CONSTRAINT "registrations_status_known" CHECK ("status" IN ('invited', 'confirmed', 'declined', 'waitlisted', 'cancelled', 'attended')), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "registrations_manage_token" ON "registrations" ("manage_token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "registrations_waitlist" ON "registrations" ("event_id", "queue_position") WHERE "status" = 'waitlisted'`,
    );
    await queryRunner.query(
      `CREATE TABLE "access_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "registration_id" uuid NOT NULL, "need" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "arranged_at" TIMESTAMP WITH TIME ZONE, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "access_tasks_one_per_need" UNIQUE ("registration_id", "need"), CONSTRAINT "access_tasks_status_known" CHECK ("status" IN ('open', 'arranged', 'cancelled')), CONSTRAINT "PK_5d7214e743b5532e9464343bd17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "access_tasks_event" ON "access_tasks" ("event_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "event_id" uuid NOT NULL, "registration_id" uuid, "recipient_email" text NOT NULL, "event_sequence" integer NOT NULL, "send_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "smtp_message_id" text, "sent_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "idempotency_key" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "request_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notifications_status_known" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'superseded')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_idempotency_key" ON "notifications" ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_event" ON "notifications" ("event_id", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "notifications_due" ON "notifications" ("status", "send_at") `);
    await queryRunner.query(`ALTER TABLE "events" ADD "places_taken" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "events_places_within_capacity" CHECK ("capacity" IS NULL OR "places_taken" <= "capacity")`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_c082d66f7080c743a96c1e91807" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "access_tasks" ADD CONSTRAINT "FK_bb47efa3a7feb455ac14b27242c" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "access_tasks" ADD CONSTRAINT "FK_331772cb6f11e29b5cc781b01b8" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_6e28bd266f2b68f73f1a5d7a462" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_6e28bd266f2b68f73f1a5d7a462"`);
    await queryRunner.query(`ALTER TABLE "access_tasks" DROP CONSTRAINT "FK_331772cb6f11e29b5cc781b01b8"`);
    await queryRunner.query(`ALTER TABLE "access_tasks" DROP CONSTRAINT "FK_bb47efa3a7feb455ac14b27242c"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "FK_c082d66f7080c743a96c1e91807"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "events_places_within_capacity"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "places_taken"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_due"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_event"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."access_tasks_event"`);
    await queryRunner.query(`DROP TABLE "access_tasks"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_waitlist"`);
    await queryRunner.query(`DROP INDEX "public"."registrations_manage_token"`);
    await queryRunner.query(`DROP TABLE "registrations"`);
  }
}
