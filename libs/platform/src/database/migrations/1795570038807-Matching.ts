import { MigrationInterface, QueryRunner } from "typeorm";

export class Matching1795570038807 implements MigrationInterface {
    name = 'Matching1795570038807'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."match_trigger" AS ENUM('need', 'achievement')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."recommendation_status" AS ENUM(
                'pending_review',
                'approved',
                'rejected',
                'delivered',
                'viewed',
                'interested',
                'declined',
                'connected',
                'superseded',
                'withdrawn'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."reject_reason" AS ENUM(
                'not_relevant',
                'duplicate',
                'low_quality',
                'ip_concern',
                'not_ready',
                'other'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."decline_reason" AS ENUM(
                'not_relevant',
                'too_early',
                'too_expensive',
                'ip_concerns',
                'already_solved',
                'other'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "recommendation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "need_id" uuid NOT NULL,
                "achievement_id" uuid NOT NULL,
                "need_org_id" uuid NOT NULL,
                "achievement_org_id" uuid NOT NULL,
                "trigger" "public"."match_trigger" NOT NULL,
                "score" double precision NOT NULL,
                "features" jsonb NOT NULL,
                "matcher_version" character varying(40) NOT NULL,
                "status" "public"."recommendation_status" NOT NULL DEFAULT 'pending_review',
                "reviewer_id" uuid,
                "review_due_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "reject_reason" "public"."reject_reason",
                "review_note" text,
                "annotations" jsonb NOT NULL DEFAULT '[]',
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "viewed_at" TIMESTAMP WITH TIME ZONE,
                "company_answer" character varying(12),
                "company_reason" "public"."decline_reason",
                "company_answered_at" TIMESTAMP WITH TIME ZONE,
                "institution_answer" character varying(12),
                "institution_reason" "public"."decline_reason",
                "institution_answered_at" TIMESTAMP WITH TIME ZONE,
                "connected_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "recommendation_pair" UNIQUE ("need_id", "achievement_id"),
                CONSTRAINT "PK_17cb51984a6627ef2ce7370e23c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8aa54932e78adac0543c483521" ON "recommendation" ("achievement_org_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_99a80b1d35b67547a6020931c3" ON "recommendation" ("need_org_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a63dfdc68da15b7ff1343b9c8a" ON "recommendation" ("reviewer_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b147204101384198536af11ac6" ON "recommendation" ("status", "review_due_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "connection" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recommendation_id" uuid NOT NULL,
                "need_id" uuid NOT NULL,
                "achievement_id" uuid NOT NULL,
                "company_org_id" uuid NOT NULL,
                "institution_org_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_b5673a75a6c2c2d3eebc82ff3e" UNIQUE ("recommendation_id"),
                CONSTRAINT "PK_be611ce8b8cf439091c82a334b2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b01dc372abf28c1bf4da629f9d" ON "connection" ("institution_org_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3f97f2272403ec68a48e177010" ON "connection" ("company_org_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "manager_profile" (
                "user_id" uuid NOT NULL,
                "org_id" uuid NOT NULL,
                "field_codes" character varying(40) array NOT NULL DEFAULT '{}',
                "capacity" integer NOT NULL DEFAULT '50',
                "active" boolean NOT NULL DEFAULT true,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ec732234179d2fedd0a8828b5c1" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "researcher_match" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "need_id" uuid NOT NULL,
                "researcher_id" uuid NOT NULL,
                "researcher_org_id" uuid NOT NULL,
                "score" double precision NOT NULL,
                "features" jsonb NOT NULL,
                "current" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "researcher_match_pair" UNIQUE ("need_id", "researcher_id"),
                CONSTRAINT "PK_5614bbc86d30d0ae0bab5e80ebe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation"
            ADD CONSTRAINT "FK_576669c13fc4ce780e83f000b25" FOREIGN KEY ("need_id") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation"
            ADD CONSTRAINT "FK_016c4e87efc3280b0789ff25037" FOREIGN KEY ("achievement_id") REFERENCES "achievement"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "connection"
            ADD CONSTRAINT "FK_b5673a75a6c2c2d3eebc82ff3e8" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "researcher_match"
            ADD CONSTRAINT "FK_3a8ec7a69eb65cc2a92d89e386e" FOREIGN KEY ("need_id") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "researcher_match"
            ADD CONSTRAINT "FK_3b84cfa44ccf455c7851ace8140" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "researcher_match" DROP CONSTRAINT "FK_3b84cfa44ccf455c7851ace8140"
        `);
        await queryRunner.query(`
            ALTER TABLE "researcher_match" DROP CONSTRAINT "FK_3a8ec7a69eb65cc2a92d89e386e"
        `);
        await queryRunner.query(`
            ALTER TABLE "connection" DROP CONSTRAINT "FK_b5673a75a6c2c2d3eebc82ff3e8"
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation" DROP CONSTRAINT "FK_016c4e87efc3280b0789ff25037"
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation" DROP CONSTRAINT "FK_576669c13fc4ce780e83f000b25"
        `);
        await queryRunner.query(`
            DROP TABLE "researcher_match"
        `);
        await queryRunner.query(`
            DROP TABLE "manager_profile"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3f97f2272403ec68a48e177010"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b01dc372abf28c1bf4da629f9d"
        `);
        await queryRunner.query(`
            DROP TABLE "connection"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b147204101384198536af11ac6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a63dfdc68da15b7ff1343b9c8a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_99a80b1d35b67547a6020931c3"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8aa54932e78adac0543c483521"
        `);
        await queryRunner.query(`
            DROP TABLE "recommendation"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."decline_reason"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."reject_reason"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."recommendation_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."match_trigger"
        `);
    }

}
