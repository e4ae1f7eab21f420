import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outreach: technology commissioners (科技特派员) appointed to companies, their visits and the needs
 * they draft for a company to confirm (the need remembers the appointment it was mined under), and
 * saved searches with the listings each has already sent.
 */
export class Outreach1797400000000 implements MigrationInterface {
  name = 'Outreach1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "commissioner_appointment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "researcher_id" uuid NOT NULL REFERENCES "researcher" ("id") ON DELETE RESTRICT,
        "institution_org_id" uuid NOT NULL REFERENCES "organisation" ("id") ON DELETE RESTRICT,
        "user_id" uuid NOT NULL REFERENCES "user_account" ("id") ON DELETE RESTRICT,
        "company_org_id" uuid NOT NULL REFERENCES "organisation" ("id") ON DELETE RESTRICT,
        "starts_on" date NOT NULL,
        "ends_on" date NOT NULL,
        "appointed_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_commissioner_appointment" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_commissioner_appointment_period" CHECK ("starts_on" <= "ends_on")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_commissioner_appointment_user" ON "commissioner_appointment" ("user_id", "ends_on")`);
    await queryRunner.query(`CREATE INDEX "IDX_commissioner_appointment_company" ON "commissioner_appointment" ("company_org_id")`);
    await queryRunner.query(`
      CREATE TABLE "commissioner_visit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "appointment_id" uuid NOT NULL REFERENCES "commissioner_appointment" ("id") ON DELETE RESTRICT,
        "company_org_id" uuid NOT NULL REFERENCES "organisation" ("id") ON DELETE RESTRICT,
        "visited_on" date NOT NULL,
        "findings" text NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_commissioner_visit" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_commissioner_visit_appointment" ON "commissioner_visit" ("appointment_id", "visited_on")`);
    await queryRunner.query(`CREATE TYPE "mined_need_status" AS ENUM ('awaiting_company', 'confirmed')`);
    await queryRunner.query(`
      CREATE TABLE "mined_need_draft" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "appointment_id" uuid NOT NULL REFERENCES "commissioner_appointment" ("id") ON DELETE RESTRICT,
        "company_org_id" uuid NOT NULL REFERENCES "organisation" ("id") ON DELETE RESTRICT,
        "visit_id" uuid REFERENCES "commissioner_visit" ("id") ON DELETE SET NULL,
        "content" jsonb NOT NULL,
        "status" "mined_need_status" NOT NULL DEFAULT 'awaiting_company',
        "need_id" uuid REFERENCES "need" ("id") ON DELETE SET NULL,
        "drafted_by" uuid NOT NULL,
        "edited_by" uuid,
        "confirmed_by" uuid,
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_mined_need_draft" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_mined_need_draft_company" ON "mined_need_draft" ("company_org_id", "status")`);
    await queryRunner.query(`CREATE INDEX "IDX_mined_need_draft_appointment" ON "mined_need_draft" ("appointment_id")`);
    await queryRunner.query(`
      ALTER TABLE "need" ADD "mined_by_appointment_id" uuid
        REFERENCES "commissioner_appointment" ("id") ON DELETE RESTRICT`);
    await queryRunner.query(
      `CREATE INDEX "IDX_need_mined_by" ON "need" ("mined_by_appointment_id") WHERE "mined_by_appointment_id" IS NOT NULL`,
    );

    await queryRunner.query(`CREATE TYPE "saved_search_kind" AS ENUM ('achievement', 'need')`);
    await queryRunner.query(`
      CREATE TABLE "saved_search" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "user_account" ("id") ON DELETE CASCADE,
        "org_id" uuid NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
        "name" varchar(100) NOT NULL,
        "kind" "saved_search_kind" NOT NULL,
        "query" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_saved_search" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_saved_search_user" ON "saved_search" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_saved_search_kind" ON "saved_search" ("kind")`);
    await queryRunner.query(`
      CREATE TABLE "saved_search_hit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "saved_search_id" uuid NOT NULL REFERENCES "saved_search" ("id") ON DELETE CASCADE,
        "listing_kind" "saved_search_kind" NOT NULL,
        "listing_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_saved_search_hit" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_saved_search_hit_listing" UNIQUE ("saved_search_id", "listing_id")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saved_search_hit"`);
    await queryRunner.query(`DROP TABLE "saved_search"`);
    await queryRunner.query(`DROP TYPE "saved_search_kind"`);
    await queryRunner.query(`DROP INDEX "IDX_need_mined_by"`);
    await queryRunner.query(`ALTER TABLE "need" DROP COLUMN "mined_by_appointment_id"`);
    await queryRunner.query(`DROP TABLE "mined_need_draft"`);
    await queryRunner.query(`DROP TYPE "mined_need_status"`);
    await queryRunner.query(`DROP TABLE "commissioner_visit"`);
    await queryRunner.query(`DROP TABLE "commissioner_appointment"`);
  }
}
