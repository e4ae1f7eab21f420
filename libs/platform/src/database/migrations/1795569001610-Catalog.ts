import { MigrationInterface, QueryRunner } from "typeorm";

export class Catalog1795569001610 implements MigrationInterface {
    name = 'Catalog1795569001610'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Generated, then edited: listing_status and cooperation_mode are shared by need and
        // achievement, so each is created once (the generator emitted them twice).
        await queryRunner.query(`
            CREATE TYPE "public"."listing_status" AS ENUM(
                'draft',
                'submitted',
                'published',
                'matched',
                'closed',
                'expired'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."legal_status" AS ENUM('filed', 'granted', 'lapsed', 'not_applicable')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."cooperation_mode" AS ENUM(
                'transfer',
                'licence',
                'use_first_pay_later',
                'equity',
                'joint_development',
                'commissioned_rd'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "achievement" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "org_id" uuid NOT NULL,
                "created_by" uuid,
                "status" "public"."listing_status" NOT NULL DEFAULT 'draft',
                "title" character varying(200) NOT NULL,
                "keywords" text array NOT NULL DEFAULT '{}',
                "field_codes" character varying(40) array NOT NULL DEFAULT '{}',
                "moderation_note" text,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "external_ref" character varying(100),
                "source_hash" character varying(64),
                "import_id" uuid,
                "summary" text NOT NULL DEFAULT '',
                "application_scenarios" text NOT NULL DEFAULT '',
                "advantages" text NOT NULL DEFAULT '',
                "ip_type" character varying(40),
                "patent_numbers" character varying(40) array NOT NULL DEFAULT '{}',
                "legal_status" "public"."legal_status" NOT NULL DEFAULT 'not_applicable',
                "trl" smallint,
                "maturity_stage" character varying(40),
                "transfer_modes" "public"."cooperation_mode" array NOT NULL DEFAULT '{}',
                "price_min" numeric(14, 2),
                "price_max" numeric(14, 2),
                "institution_name" character varying(200) NOT NULL DEFAULT '',
                "separate_ledger" boolean NOT NULL DEFAULT false,
                "internal_notes" text NOT NULL DEFAULT '',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_441339f40e8ce717525a381671e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ab2641825d15b4facae16529b8" ON "achievement" ("org_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "achievement_org_external_ref" ON "achievement" ("org_id", "external_ref")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9894c208bd7e1436ca821cb77b" ON "achievement" ("status", "updated_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "researcher" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "org_id" uuid NOT NULL,
                "external_ref" character varying(100),
                "name" character varying(100) NOT NULL,
                "title" character varying(100) NOT NULL DEFAULT '',
                "institution_name" character varying(200) NOT NULL DEFAULT '',
                "profile" text NOT NULL DEFAULT '',
                "research_areas" text array NOT NULL DEFAULT '{}',
                "field_codes" character varying(40) array NOT NULL DEFAULT '{}',
                "commissioner_available" boolean NOT NULL DEFAULT false,
                "commissioner_note" text NOT NULL DEFAULT '',
                "email" character varying(254),
                "phone" character varying(32),
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7b53850398061862ebe70d4ce44" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dd2428fbcf2874ceb02872baa5" ON "researcher" ("org_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5e4b9f1c2bb901b021b012a9eb" ON "researcher" ("active", "updated_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "researcher_org_external_ref" ON "researcher" ("org_id", "external_ref")
        `);
        await queryRunner.query(`
            CREATE TABLE "achievement_researcher" (
                "achievement_id" uuid NOT NULL,
                "researcher_id" uuid NOT NULL,
                "position" smallint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_47ee8be7f5a0826a71e192b041a" PRIMARY KEY ("achievement_id", "researcher_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9e1295bafd43afb086bcaf1c69" ON "achievement_researcher" ("researcher_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."import_format" AS ENUM('csv', 'xlsx')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."import_mode" AS ENUM('all_or_nothing', 'keep_valid')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."import_status" AS ENUM('queued', 'running', 'succeeded', 'failed')
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_import" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "org_id" uuid NOT NULL,
                "created_by" uuid NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "format" "public"."import_format" NOT NULL,
                "file_size" integer NOT NULL,
                "file_sha256" character varying(64) NOT NULL,
                "content" bytea NOT NULL,
                "mode" "public"."import_mode" NOT NULL,
                "status" "public"."import_status" NOT NULL DEFAULT 'queued',
                "total_rows" integer,
                "processed_rows" integer NOT NULL DEFAULT '0',
                "created_count" integer NOT NULL DEFAULT '0',
                "updated_count" integer NOT NULL DEFAULT '0',
                "unchanged_count" integer NOT NULL DEFAULT '0',
                "error_count" integer NOT NULL DEFAULT '0',
                "problems" jsonb NOT NULL DEFAULT '[]',
                "failure_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_1c100cf923f8f53f84a4c31934f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ed877ee7713dd76a0c0a37e359" ON "catalog_import" ("org_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."need_confidentiality" AS ENUM('public', 'summary_only')
        `);
        await queryRunner.query(`
            CREATE TABLE "need" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "org_id" uuid NOT NULL,
                "created_by" uuid,
                "status" "public"."listing_status" NOT NULL DEFAULT 'draft',
                "title" character varying(200) NOT NULL,
                "keywords" text array NOT NULL DEFAULT '{}',
                "field_codes" character varying(40) array NOT NULL DEFAULT '{}',
                "moderation_note" text,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "summary" text NOT NULL DEFAULT '',
                "description" text NOT NULL DEFAULT '',
                "problem" text NOT NULL DEFAULT '',
                "indicators" text NOT NULL DEFAULT '',
                "existing_conditions" text NOT NULL DEFAULT '',
                "desired_stage" character varying(40),
                "min_trl" smallint,
                "budget_min" numeric(14, 2),
                "budget_max" numeric(14, 2),
                "cooperation_modes" "public"."cooperation_mode" array NOT NULL DEFAULT '{}',
                "region_code" character varying(40),
                "deadline" date,
                "confidentiality" "public"."need_confidentiality" NOT NULL DEFAULT 'public',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_218b14514f334ee6f39954f86ba" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4d40e46ee5f333fffd0f091dcb" ON "need" ("org_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_82ee3a209f6d684206e6b059ab" ON "need" ("status", "updated_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."taxonomy_kind" AS ENUM('field', 'region', 'ip_type', 'maturity_stage')
        `);
        await queryRunner.query(`
            CREATE TABLE "taxonomy_term" (
                "kind" "public"."taxonomy_kind" NOT NULL,
                "code" character varying(40) NOT NULL,
                "name_zh" character varying(100) NOT NULL,
                "name_en" character varying(160) NOT NULL,
                "parent_code" character varying(40),
                "sort_order" integer NOT NULL DEFAULT '0',
                "active" boolean NOT NULL DEFAULT true,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_da001ccf0a83b82f635bdf634bb" PRIMARY KEY ("kind", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_bbef033db59cb04af89bc3aa38" ON "taxonomy_term" ("kind", "parent_code")
        `);
        await queryRunner.query(`
            ALTER TABLE "achievement"
            ADD CONSTRAINT "FK_ab2641825d15b4facae16529b84" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "researcher"
            ADD CONSTRAINT "FK_dd2428fbcf2874ceb02872baa5b" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "achievement_researcher"
            ADD CONSTRAINT "FK_2e3f3f62e387f47d05d06240ab5" FOREIGN KEY ("achievement_id") REFERENCES "achievement"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "achievement_researcher"
            ADD CONSTRAINT "FK_9e1295bafd43afb086bcaf1c69a" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_import"
            ADD CONSTRAINT "FK_424766e4e8a8f7dedc0ea671e37" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "need"
            ADD CONSTRAINT "FK_4d40e46ee5f333fffd0f091dcb2" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "need" DROP CONSTRAINT "FK_4d40e46ee5f333fffd0f091dcb2"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_import" DROP CONSTRAINT "FK_424766e4e8a8f7dedc0ea671e37"
        `);
        await queryRunner.query(`
            ALTER TABLE "achievement_researcher" DROP CONSTRAINT "FK_9e1295bafd43afb086bcaf1c69a"
        `);
        await queryRunner.query(`
            ALTER TABLE "achievement_researcher" DROP CONSTRAINT "FK_2e3f3f62e387f47d05d06240ab5"
        `);
        await queryRunner.query(`
            ALTER TABLE "researcher" DROP CONSTRAINT "FK_dd2428fbcf2874ceb02872baa5b"
        `);
        await queryRunner.query(`
            ALTER TABLE "achievement" DROP CONSTRAINT "FK_ab2641825d15b4facae16529b84"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_bbef033db59cb04af89bc3aa38"
        `);
        await queryRunner.query(`
            DROP TABLE "taxonomy_term"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."taxonomy_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_82ee3a209f6d684206e6b059ab"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4d40e46ee5f333fffd0f091dcb"
        `);
        await queryRunner.query(`
            DROP TABLE "need"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."need_confidentiality"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ed877ee7713dd76a0c0a37e359"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_import"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_mode"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_format"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9e1295bafd43afb086bcaf1c69"
        `);
        await queryRunner.query(`
            DROP TABLE "achievement_researcher"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."researcher_org_external_ref"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5e4b9f1c2bb901b021b012a9eb"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dd2428fbcf2874ceb02872baa5"
        `);
        await queryRunner.query(`
            DROP TABLE "researcher"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9894c208bd7e1436ca821cb77b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."achievement_org_external_ref"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ab2641825d15b4facae16529b8"
        `);
        await queryRunner.query(`
            DROP TABLE "achievement"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."legal_status"
        `);
        // Shared by need and achievement: created once in up(), dropped once here, after both tables.
        await queryRunner.query(`
            DROP TYPE "public"."cooperation_mode"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."listing_status"
        `);
    }

}
