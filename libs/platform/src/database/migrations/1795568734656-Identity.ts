import { MigrationInterface, QueryRunner } from "typeorm";

export class Identity1795568734656 implements MigrationInterface {
    name = 'Identity1795568734656'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_org_id" uuid,
                "action" character varying(80) NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" character varying(64),
                "details" jsonb NOT NULL DEFAULT '{}',
                "request_id" character varying(64),
                "ip" character varying(45),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9ab67a467c6969ee1cf92f2c34" ON "audit_log" ("occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b6842928484307b3c883d95803" ON "audit_log" ("actor_org_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_08e9b4cd10971ba146b6c5bf4d" ON "audit_log" ("subject_type", "subject_id")
        `);
        // Written by hand: the audit log is append-only, whoever connects.
        await queryRunner.query(`
            CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_log"
            FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
            FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"()
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."organisation_kind" AS ENUM(
                'enterprise',
                'university',
                'research_institute',
                'service_agency',
                'government'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."verification_status" AS ENUM('pending', 'verified', 'rejected')
        `);
        await queryRunner.query(`
            CREATE TABLE "organisation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "kind" "public"."organisation_kind" NOT NULL,
                "credit_code" character varying(18),
                "region" character varying(64),
                "verification_status" "public"."verification_status" NOT NULL DEFAULT 'pending',
                "verification_reason" text,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "verified_by" uuid,
                "contact_name" character varying(100),
                "contact_email" character varying(254),
                "contact_phone" character varying(32),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_9554e79c2939d1df85a68d5f88f" UNIQUE ("credit_code"),
                CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id")
            )
        `);
        // user_role is shared by user_account and invitation: created once here, dropped once in down().
        await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM('enterprise', 'tto', 'manager', 'admin')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_status" AS ENUM('active', 'disabled')
        `);
        await queryRunner.query(`
            CREATE TABLE "user_account" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "display_name" character varying(100) NOT NULL,
                "phone" character varying(32),
                "role" "public"."user_role" NOT NULL,
                "password_hash" text NOT NULL,
                "status" "public"."user_status" NOT NULL DEFAULT 'active',
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_56a0e4bcec2b5411beafa47ffa5" UNIQUE ("email"),
                CONSTRAINT "user_account_email_lower_case" CHECK ("email" = lower("email")),
                CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6b1d49dc4407c09cf2e6e99a64" ON "user_account" ("organisation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "invitation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "invited_by_id" uuid NOT NULL,
                "token_hash" character(64),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_b827d3749ffbb3b5ab5099afd64" UNIQUE ("token_hash"),
                CONSTRAINT "invitation_email_lower_case" CHECK ("email" = lower("email")),
                CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_913833c1541e680e8112131222" ON "invitation" ("organisation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "replaced_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_f0812282fad2e352cdaf83ef0a9" UNIQUE ("token_hash"),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6bbe63d2fe75e7f0ba1710351d" ON "refresh_token" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_eb31f2a7917404a46e17f539f1" ON "refresh_token" ("family_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD CONSTRAINT "FK_6b1d49dc4407c09cf2e6e99a646" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation"
            ADD CONSTRAINT "FK_913833c1541e680e8112131222f" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation"
            ADD CONSTRAINT "FK_9fcebfddfa4369ac0e3c26dc8a3" FOREIGN KEY ("invited_by_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation" DROP CONSTRAINT "FK_9fcebfddfa4369ac0e3c26dc8a3"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation" DROP CONSTRAINT "FK_913833c1541e680e8112131222f"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP CONSTRAINT "FK_6b1d49dc4407c09cf2e6e99a646"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_eb31f2a7917404a46e17f539f1"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6bbe63d2fe75e7f0ba1710351d"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_913833c1541e680e8112131222"
        `);
        await queryRunner.query(`
            DROP TABLE "invitation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6b1d49dc4407c09cf2e6e99a64"
        `);
        await queryRunner.query(`
            DROP TABLE "user_account"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            DROP TABLE "organisation"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."verification_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."organisation_kind"
        `);
        await queryRunner.query(`
            DROP TRIGGER "audit_log_no_truncate" ON "audit_log"
        `);
        await queryRunner.query(`
            DROP TRIGGER "audit_log_no_update_or_delete" ON "audit_log"
        `);
        await queryRunner.query(`
            DROP FUNCTION "audit_log_refuse_change"()
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_08e9b4cd10971ba146b6c5bf4d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b6842928484307b3c883d95803"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9ab67a467c6969ee1cf92f2c34"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
