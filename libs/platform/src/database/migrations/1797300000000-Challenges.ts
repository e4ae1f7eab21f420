import { MigrationInterface, QueryRunner } from "typeorm";

export class Challenges1797300000000 implements MigrationInterface {
    name = 'Challenges1797300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."challenge_form" AS ENUM('licence', 'transfer', 'joint_development')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."challenge_status" AS ENUM('open', 'awarded', 'unawarded')
        `);
        await queryRunner.query(`
            CREATE TABLE "challenge" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_org_id" uuid NOT NULL,
                "need_id" uuid,
                "sponsor" character varying(200),
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "keywords" text array NOT NULL DEFAULT '{}',
                "field_codes" character varying(40) array NOT NULL DEFAULT '{}',
                "reward_min" numeric(14, 2) NOT NULL,
                "reward_max" numeric(14, 2) NOT NULL,
                "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
                "extended_at" TIMESTAMP WITH TIME ZONE,
                "forms" "public"."challenge_form" array NOT NULL,
                "criteria" jsonb NOT NULL,
                "milestones" jsonb NOT NULL,
                "status" "public"."challenge_status" NOT NULL DEFAULT 'open',
                "announced_org_ids" uuid array NOT NULL DEFAULT '{}',
                "announced_at" TIMESTAMP WITH TIME ZONE,
                "winner_proposal_id" uuid,
                "deal_id" uuid,
                "published_by" uuid NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_bc95b452b5224e17dc3dcc2ff07" UNIQUE ("need_id"),
                CONSTRAINT "PK_5f31455ad09ea6a836a06871b7a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f4638e2ae7af39ba63d8f464d0" ON "challenge" ("company_org_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_63690346d78c0b602a786a9a50" ON "challenge" ("status", "deadline")
        `);
        await queryRunner.query(`
            CREATE TABLE "challenge_manager" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "challenge_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2535fc2a7f085e821571c3337e0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b4a02debcf76027bc98bb871e8" ON "challenge_manager" ("challenge_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "challenge_reminder" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "challenge_id" uuid NOT NULL,
                "run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "outcome" character varying(40),
                CONSTRAINT "PK_49dbfacc178dcd5e4f71ab0c3a5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_838a7dbbc00489c3281b85c91e" ON "challenge_reminder" ("done_at", "run_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."proposal_status" AS ENUM(
                'submitted',
                'shortlisted',
                'withdrawn',
                'declined',
                'won'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."proposal_decline_reason" AS ENUM(
                'criteria_not_met',
                'price_too_high',
                'timeline_too_long',
                'maturity_too_low',
                'other_proposal_better',
                'no_award',
                'other'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "proposal" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "challenge_id" uuid NOT NULL,
                "org_id" uuid NOT NULL,
                "achievement_id" uuid NOT NULL,
                "status" "public"."proposal_status" NOT NULL DEFAULT 'submitted',
                "current_version" integer NOT NULL DEFAULT '1',
                "decline_reason" "public"."proposal_decline_reason",
                "decline_note" text,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0c966388fc11fa936bd54a6668" ON "proposal" ("org_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0e1f67359e19699f07b675192f" ON "proposal" ("challenge_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "proposal_version" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "proposal_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "researcher_ids" uuid array NOT NULL,
                "approach" text NOT NULL,
                "milestones" jsonb NOT NULL,
                "price" numeric(14, 2) NOT NULL,
                "form" "public"."challenge_form" NOT NULL,
                "maturity" character varying(40) NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9857a041288dd867ef6d52f1e40" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a447b70e130b4d82207ab877ab" ON "proposal_version" ("proposal_id", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "proposal_attachment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "proposal_id" uuid NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "content_type" character varying(120) NOT NULL,
                "size" integer NOT NULL,
                "content" bytea NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bc29299d7e7a47aef326a758d2e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_aca37de377c3f4c5edbcaa57cc" ON "proposal_attachment" ("proposal_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "proposal_score" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "proposal_id" uuid NOT NULL,
                "criterion" character varying(100) NOT NULL,
                "score" smallint NOT NULL,
                "scored_by" uuid NOT NULL,
                "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f6dd73eebc1ee875d0617c22262" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d8c84f617befc2008ddbe44c51" ON "proposal_score" ("proposal_id", "criterion", "scored_by")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d8c84f617befc2008ddbe44c51"
        `);
        await queryRunner.query(`
            DROP TABLE "proposal_score"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_aca37de377c3f4c5edbcaa57cc"
        `);
        await queryRunner.query(`
            DROP TABLE "proposal_attachment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a447b70e130b4d82207ab877ab"
        `);
        await queryRunner.query(`
            DROP TABLE "proposal_version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0e1f67359e19699f07b675192f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0c966388fc11fa936bd54a6668"
        `);
        await queryRunner.query(`
            DROP TABLE "proposal"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."proposal_decline_reason"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."proposal_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_838a7dbbc00489c3281b85c91e"
        `);
        await queryRunner.query(`
            DROP TABLE "challenge_reminder"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b4a02debcf76027bc98bb871e8"
        `);
        await queryRunner.query(`
            DROP TABLE "challenge_manager"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_63690346d78c0b602a786a9a50"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f4638e2ae7af39ba63d8f464d0"
        `);
        await queryRunner.query(`
            DROP TABLE "challenge"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."challenge_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."challenge_form"
        `);
    }

}
