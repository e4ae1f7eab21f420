import { MigrationInterface, QueryRunner } from "typeorm";

export class Delivery1795570102524 implements MigrationInterface {
    name = 'Delivery1795570102524'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(60) NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" character varying(64) NOT NULL,
                "title_zh" character varying(200) NOT NULL,
                "title_en" character varying(200) NOT NULL,
                "body_zh" text NOT NULL,
                "body_en" text NOT NULL,
                "link" character varying(500) NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "notification_type_subject_uq" UNIQUE ("type", "subject_type", "subject_id"),
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_endpoint" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "org_id" uuid NOT NULL,
                "url" character varying(2000) NOT NULL,
                "description" character varying(200),
                "event_types" character varying(60) array NOT NULL,
                "secret_sealed" text NOT NULL,
                "secret_hint" character varying(20) NOT NULL,
                "consecutive_failures" integer NOT NULL DEFAULT '0',
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "disabled_reason" text,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4d4e2becc34fb65e1119f17398" ON "webhook_endpoint" ("org_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_channel" AS ENUM('inbox', 'email', 'webhook')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."email_mode" AS ENUM('immediate', 'digest')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_status" AS ENUM(
                'pending',
                'retrying',
                'delivered',
                'failed',
                'skipped'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid NOT NULL,
                "channel" "public"."delivery_channel" NOT NULL,
                "user_id" uuid,
                "endpoint_id" uuid,
                "org_id" uuid NOT NULL,
                "idempotency_key" character varying(400) NOT NULL,
                "email_mode" "public"."email_mode",
                "status" "public"."delivery_status" NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_75dce2d60bf16ceb8bc8a16d5c5" UNIQUE ("idempotency_key"),
                CONSTRAINT "delivery_email_mode_fits_channel" CHECK (
                    ("channel" = 'email') = ("email_mode" IS NOT NULL)
                ),
                CONSTRAINT "delivery_recipient_fits_channel" CHECK (
                    ("channel" = 'webhook') = (
                        "endpoint_id" IS NOT NULL
                        AND "user_id" IS NULL
                    )
                ),
                CONSTRAINT "PK_ffad7bf84e68716cd9af89003b0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d0224189da7a0b723836db875c" ON "delivery" ("notification_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_00a3c561ea9f2c22e9ea64ca94" ON "delivery" ("org_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "delivery_failed_idx" ON "delivery" ("updated_at")
            WHERE "status" = 'failed'
        `);
        await queryRunner.query(`
            CREATE INDEX "delivery_endpoint_idx" ON "delivery" ("endpoint_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "delivery_digest_pending_idx" ON "delivery" ("user_id")
            WHERE "channel" = 'email'
                AND "email_mode" = 'digest'
                AND "status" IN ('pending', 'retrying')
        `);
        await queryRunner.query(`
            CREATE INDEX "delivery_inbox_unread_idx" ON "delivery" ("user_id")
            WHERE "channel" = 'inbox'
                AND "read_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "delivery_inbox_idx" ON "delivery" ("user_id", "created_at")
            WHERE "channel" = 'inbox'
        `);
        // email_mode is shared by delivery and notification_preference: created once, above.
        await queryRunner.query(`
            CREATE TABLE "notification_preference" (
                "user_id" uuid NOT NULL,
                "type" character varying(60) NOT NULL,
                "inbox" boolean NOT NULL,
                "email" boolean NOT NULL,
                "email_mode" "public"."email_mode" NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_98793ae4db877d281012dc55998" PRIMARY KEY ("user_id", "type")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_attempt" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "delivery_id" uuid NOT NULL,
                "endpoint_id" uuid NOT NULL,
                "org_id" uuid NOT NULL,
                "attempt" integer NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_ms" integer NOT NULL,
                "status_code" integer,
                "error" text,
                "response_excerpt" character varying(500),
                CONSTRAINT "PK_e4ff77b66cdd20591ba6189a1f9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_04b43e963f8b0a929af2091e8d" ON "webhook_attempt" ("endpoint_id", "started_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9f268a8988513508fb61c3d116" ON "webhook_attempt" ("delivery_id", "attempt")
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_endpoint"
            ADD CONSTRAINT "FK_4d4e2becc34fb65e1119f173987" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery"
            ADD CONSTRAINT "FK_d0224189da7a0b723836db875cf" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery"
            ADD CONSTRAINT "FK_a3b8af1ce2f6e143d416d83080a" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery"
            ADD CONSTRAINT "FK_d97e55cfbbcb45e41abe63df92a" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery"
            ADD CONSTRAINT "FK_00a3c561ea9f2c22e9ea64ca941" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_preference"
            ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_attempt"
            ADD CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "webhook_attempt" DROP CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery" DROP CONSTRAINT "FK_00a3c561ea9f2c22e9ea64ca941"
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery" DROP CONSTRAINT "FK_d97e55cfbbcb45e41abe63df92a"
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery" DROP CONSTRAINT "FK_a3b8af1ce2f6e143d416d83080a"
        `);
        await queryRunner.query(`
            ALTER TABLE "delivery" DROP CONSTRAINT "FK_d0224189da7a0b723836db875cf"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "FK_4d4e2becc34fb65e1119f173987"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9f268a8988513508fb61c3d116"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_04b43e963f8b0a929af2091e8d"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_attempt"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_preference"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delivery_inbox_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delivery_inbox_unread_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delivery_digest_pending_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delivery_endpoint_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delivery_failed_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_00a3c561ea9f2c22e9ea64ca94"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d0224189da7a0b723836db875c"
        `);
        await queryRunner.query(`
            DROP TABLE "delivery"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."email_mode"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_channel"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4d4e2becc34fb65e1119f17398"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_endpoint"
        `);
        await queryRunner.query(`
            DROP TABLE "notification"
        `);
    }

}
