import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The themes testimony is tagged with, seeded from what families raise most. This is data the
 * product needs (the form offers these), not demo data, so it is seeded here, once: staff rename,
 * merge and retire themes afterwards, and nothing is ever deleted.
 */
const SEEDED_THEMES: ReadonlyArray<{ slug: string; name: string; description: string }> = [
  {
    slug: 'ehc-plan-delays',
    name: 'EHC plan delays',
    description:
      'Waiting for an education, health and care (EHC) needs assessment or plan, and the 20-week deadline.',
  },
  {
    slug: 'assessment-waits',
    name: 'Assessment waits, including neurodevelopmental',
    description: 'Waiting to be assessed, including for autism and ADHD.',
  },
  {
    slug: 'school-places',
    name: 'School places and placements, from early years to post-16',
    description: 'Finding the right nursery, school, college or specialist placement.',
  },
  {
    slug: 'camhs-mental-health',
    name: 'CAMHS and mental health',
    description: 'Child and adolescent mental health services, and mental health support.',
  },
  {
    slug: 'council-communication',
    name: 'Communication with the council',
    description: 'Getting answers, updates and replies from the local authority.',
  },
  {
    slug: 'tribunals-appeals',
    name: 'Tribunals and appeals',
    description: 'Appealing a decision, mediation and the SEND tribunal.',
  },
  {
    slug: 'support-in-school',
    name: 'Support and training in school',
    description: 'Help in the classroom, and training for teachers and teaching assistants.',
  },
  { slug: 'funding', name: 'Funding', description: 'Money for support, placements and services.' },
  {
    slug: 'exclusion',
    name: 'Exclusion and time out of school',
    description: 'Exclusions, part-time timetables and children out of school.',
  },
  { slug: 'transport', name: 'Transport', description: 'Getting to and from school or college.' },
  {
    slug: 'health-and-care',
    name: 'Health and care working together',
    description: 'Health services, social care and education joining up.',
  },
  {
    slug: 'transition-to-adulthood',
    name: 'Transition to adulthood',
    description: 'Moving on from school: college, work, adult services and independence.',
  },
  { slug: 'other', name: 'Other', description: 'Anything else you want us to know.' },
];

export class Themes1795800000000 implements MigrationInterface {
  name = 'Themes1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "themes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "description" text, "status" text NOT NULL DEFAULT 'active', "merged_into_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "themes_name" UNIQUE ("name"), CONSTRAINT "themes_slug" UNIQUE ("slug"), CONSTRAINT "themes_merged_is_retired" CHECK ("merged_into_id" IS NULL OR ("status" = 'retired' AND "merged_into_id" <> "id")), CONSTRAINT "themes_status_known" CHECK ("status" IN ('active', 'retired')), CONSTRAINT "PK_ddbeaab913c18682e5c88155592" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "themes" ADD CONSTRAINT "themes_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "themes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const theme of SEEDED_THEMES) {
      await queryRunner.query(`INSERT INTO "themes" ("slug", "name", "description") VALUES ($1, $2, $3)`, [
        theme.slug,
        theme.name,
        theme.description,
      ]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "themes" DROP CONSTRAINT "themes_merged_into"`);
    await queryRunner.query(`DROP TABLE "themes"`);
  }
}
