import { MigrationInterface, QueryRunner } from "typeorm";

export class Deals1795578365392 implements MigrationInterface {
    name = 'Deals1795578365392'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."deal_type" AS ENUM(
                'transfer',
                'licence',
                'use_first_pay_later',
                'rights_for_equity',
                'rights_grant',
                'joint_development'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."deal_status" AS ENUM(
                'negotiating',
                'agreed',
                'signed',
                'active',
                'transferred',
                'free_use',
                'paying',
                'overdue',
                'defaulted',
                'valued',
                'holding',
                'granted',
                'completed',
                'returned',
                'expired',
                'exited',
                'terminated',
                'cancelled'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."licence_scope" AS ENUM('exclusive', 'sole', 'non_exclusive')
        `);
        await queryRunner.query(`
            CREATE TABLE "deal" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" "public"."deal_type" NOT NULL,
                "status" "public"."deal_status" NOT NULL DEFAULT 'negotiating',
                "title" character varying(200) NOT NULL,
                "licence_scope" "public"."licence_scope",
                "institution_org_id" uuid NOT NULL,
                "company_org_id" uuid NOT NULL,
                "connection_id" uuid,
                "achievement_id" uuid NOT NULL,
                "need_id" uuid,
                "manager_user_id" uuid,
                "recoverable_costs" numeric(14, 2) NOT NULL DEFAULT '0',
                "created_by" uuid NOT NULL,
                "signed_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_6afb065a179777761a1d0dbf61b" UNIQUE ("connection_id"),
                CONSTRAINT "PK_9ce1c24acace60f6d7dc7a7189e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_89bac4df01f3ebb0e3d52c27df" ON "deal" ("manager_user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_938125d1774957d1fb83d7b1ab" ON "deal" ("company_org_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b0091c177f9583ef19ee7627ac" ON "deal" ("institution_org_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."term_sheet_status" AS ENUM('open', 'superseded', 'withdrawn', 'accepted')
        `);
        await queryRunner.query(`
            CREATE TABLE "term_sheet" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "proposed_by" character varying(16) NOT NULL,
                "proposed_by_user" uuid NOT NULL,
                "status" "public"."term_sheet_status" NOT NULL DEFAULT 'open',
                "terms" jsonb NOT NULL,
                "institution_accepted_by" uuid,
                "institution_accepted_at" TIMESTAMP WITH TIME ZONE,
                "company_accepted_by" uuid,
                "company_accepted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_43b9bf7f7282aedb78fcdb9ff63" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_cbb30ffd3da5ce763041cf2c7c" ON "term_sheet" ("deal_id", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_message" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "author_user_id" uuid NOT NULL,
                "author_org_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_65c353c4a7e42fe1033edd600a9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f6d723ce65c0a3f8f2a0471cbb" ON "deal_message" ("deal_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_attachment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size" integer NOT NULL,
                "content" bytea NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a558c5dfa9fc1afb708eead7803" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_69ebf0c245f5502f60251147fd" ON "deal_attachment" ("deal_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_contribution" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "researcher_id" uuid NOT NULL,
                "share_percent" numeric(7, 4) NOT NULL,
                CONSTRAINT "PK_673a9d25cb1fbc449013a1c538e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_55abc1327f776da8acb33ee0b4" ON "deal_contribution" ("deal_id", "researcher_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."income_kind" AS ENUM(
                'fee',
                'instalment',
                'royalty',
                'dividend',
                'exit'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "income_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "institution_org_id" uuid NOT NULL,
                "kind" "public"."income_kind" NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "occurred_on" date NOT NULL,
                "instalment_id" uuid,
                "policy" jsonb NOT NULL,
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_028e64fc64de50c5902de952962" UNIQUE ("instalment_id"),
                CONSTRAINT "PK_6f9200bb96c157e28592a754cac" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fccd60d648416ec327877bf861" ON "income_event" ("institution_org_id", "occurred_on")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d89caf9a5f1d20945c7b9e574d" ON "income_event" ("deal_id", "occurred_on")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."ledger_party" AS ENUM('cost_recovery', 'institution', 'researcher')
        `);
        await queryRunner.query(`
            CREATE TABLE "ledger_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "income_event_id" uuid NOT NULL,
                "institution_org_id" uuid NOT NULL,
                "party" "public"."ledger_party" NOT NULL,
                "researcher_id" uuid,
                "amount" numeric(14, 2) NOT NULL,
                CONSTRAINT "PK_04e9d274911f909a5848a15cd74" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cb28708c6bae1f7c6ed3bb91ad" ON "ledger_entry" ("researcher_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9b6cc335621b8e365b2fc4cc64" ON "ledger_entry" ("income_event_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "income_policy" (
                "org_id" uuid NOT NULL,
                "team_floor_percent" numeric(7, 4) NOT NULL,
                "institution_cap_percent" numeric(7, 4) NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6409affa2e0d98ee500c870c021" PRIMARY KEY ("org_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_valuation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "value" numeric(14, 2) NOT NULL,
                "method" character varying(100) NOT NULL,
                "appraiser" character varying(200) NOT NULL,
                "valued_on" date NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_243dc3bbef851c75f0f0436b095" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_658250ce09d2df450229c29472" ON "deal_valuation" ("deal_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_equity" (
                "deal_id" uuid NOT NULL,
                "company_name" character varying(200) NOT NULL,
                "new_company" boolean NOT NULL DEFAULT false,
                "equity_percent" numeric(7, 4) NOT NULL,
                "institution_percent" numeric(7, 4) NOT NULL,
                "team_percent" numeric(7, 4) NOT NULL,
                "taken_on" date NOT NULL,
                CONSTRAINT "PK_704f4eeb04bbba351cda657be46" PRIMARY KEY ("deal_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "idempotency_record" (
                "org_id" uuid NOT NULL,
                "key" character varying(100) NOT NULL,
                "scope" character varying(200) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "status" integer NOT NULL,
                "response" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8f2aac21705aa25eee0695bbe1c" PRIMARY KEY ("org_id", "key")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."rights_grant_kind" AS ENUM('co_ownership', 'use_right')
        `);
        await queryRunner.query(`
            CREATE TABLE "rights_grant" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "kind" "public"."rights_grant_kind" NOT NULL,
                "share_percent" numeric(7, 4),
                "term_years" integer,
                "researcher_ids" uuid array NOT NULL,
                "granted_on" date NOT NULL,
                CONSTRAINT "PK_a4eb4e9f8ce011458965fb4b239" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_42af7f23ccf072683a2493fa6a" ON "rights_grant" ("deal_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."payment_trigger_kind" AS ENUM('date', 'first_revenue', 'revenue_threshold')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."payment_mode" AS ENUM(
                'lump_sum',
                'instalments',
                'royalty',
                'entry_fee_royalty'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "ufpl_licence" (
                "deal_id" uuid NOT NULL,
                "free_until" date NOT NULL,
                "trigger_kind" "public"."payment_trigger_kind" NOT NULL,
                "trigger_date" date,
                "trigger_threshold" numeric(14, 2),
                "payment_mode" "public"."payment_mode" NOT NULL,
                "fee" numeric(14, 2),
                "instalment_count" integer,
                "interval_months" integer,
                "entry_fee" numeric(14, 2),
                "royalty_percent" numeric(7, 4),
                "royalty_cap" numeric(14, 2),
                "due_days" integer NOT NULL,
                "grace_days" integer NOT NULL,
                "triggered_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f91825ac352e01df52135b59865" PRIMARY KEY ("deal_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "revenue_report" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "revenue" numeric(14, 2) NOT NULL,
                "royalty" numeric(14, 2),
                "reported_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2544e7859ab23617e5b9d9df338" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_51d9fb861454cd32716ea9830b" ON "revenue_report" ("deal_id", "period_start")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."instalment_kind" AS ENUM('lump_sum', 'instalment', 'entry_fee', 'royalty')
        `);
        await queryRunner.query(`
            CREATE TABLE "instalment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "kind" "public"."instalment_kind" NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "due_on" date NOT NULL,
                "invoice_no" character varying(40) NOT NULL,
                "revenue_report_id" uuid,
                "paid_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_d0d141f508dd97c375f6c22def7" UNIQUE ("invoice_no"),
                CONSTRAINT "PK_d6125746c630f2d27d730419f6e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1d83d3a46c57967671597ccb7b" ON "instalment" ("due_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3479b163d3605abc9389bf7628" ON "instalment" ("deal_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."deal_reminder_kind" AS ENUM(
                'trigger_check',
                'before_due',
                'overdue',
                'default_check'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "deal_reminder" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "deal_id" uuid NOT NULL,
                "instalment_id" uuid,
                "kind" "public"."deal_reminder_kind" NOT NULL,
                "run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "outcome" character varying(40),
                CONSTRAINT "PK_c2c26d4c11bc987db9d462477ff" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8aa42cfb76581f27d16ffc791e" ON "deal_reminder" ("run_at")
            WHERE done_at IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fafd6d555863c7972562c93b6d" ON "deal_reminder" ("instalment_id", "kind")
            WHERE instalment_id IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "term_sheet"
            ADD CONSTRAINT "FK_959827915525247d09a92de6f2a" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_message"
            ADD CONSTRAINT "FK_28b7bf853e60771d5b0ceaee8cd" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_attachment"
            ADD CONSTRAINT "FK_4fe4b2ddfdd74a85ed1ad19a493" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_contribution"
            ADD CONSTRAINT "FK_205ceebf7bbb398be629e5f1d6b" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "income_event"
            ADD CONSTRAINT "FK_8dbd8ee39f3f1232562c874df5b" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "ledger_entry"
            ADD CONSTRAINT "FK_9b6cc335621b8e365b2fc4cc64f" FOREIGN KEY ("income_event_id") REFERENCES "income_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_valuation"
            ADD CONSTRAINT "FK_658250ce09d2df450229c294724" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_equity"
            ADD CONSTRAINT "FK_704f4eeb04bbba351cda657be46" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rights_grant"
            ADD CONSTRAINT "FK_42af7f23ccf072683a2493fa6a2" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "ufpl_licence"
            ADD CONSTRAINT "FK_f91825ac352e01df52135b59865" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "revenue_report"
            ADD CONSTRAINT "FK_bf7daa674385407753c012d9e2b" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "instalment"
            ADD CONSTRAINT "FK_c9a3eb5b03aa1a1f82e4f978d71" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_reminder"
            ADD CONSTRAINT "FK_1c96393c1c5aa68c548538ac890" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_reminder"
            ADD CONSTRAINT "FK_d3de49951224e7bf7c237370e22" FOREIGN KEY ("instalment_id") REFERENCES "instalment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "deal_reminder" DROP CONSTRAINT "FK_d3de49951224e7bf7c237370e22"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_reminder" DROP CONSTRAINT "FK_1c96393c1c5aa68c548538ac890"
        `);
        await queryRunner.query(`
            ALTER TABLE "instalment" DROP CONSTRAINT "FK_c9a3eb5b03aa1a1f82e4f978d71"
        `);
        await queryRunner.query(`
            ALTER TABLE "revenue_report" DROP CONSTRAINT "FK_bf7daa674385407753c012d9e2b"
        `);
        await queryRunner.query(`
            ALTER TABLE "ufpl_licence" DROP CONSTRAINT "FK_f91825ac352e01df52135b59865"
        `);
        await queryRunner.query(`
            ALTER TABLE "rights_grant" DROP CONSTRAINT "FK_42af7f23ccf072683a2493fa6a2"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_equity" DROP CONSTRAINT "FK_704f4eeb04bbba351cda657be46"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_valuation" DROP CONSTRAINT "FK_658250ce09d2df450229c294724"
        `);
        await queryRunner.query(`
            ALTER TABLE "ledger_entry" DROP CONSTRAINT "FK_9b6cc335621b8e365b2fc4cc64f"
        `);
        await queryRunner.query(`
            ALTER TABLE "income_event" DROP CONSTRAINT "FK_8dbd8ee39f3f1232562c874df5b"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_contribution" DROP CONSTRAINT "FK_205ceebf7bbb398be629e5f1d6b"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_attachment" DROP CONSTRAINT "FK_4fe4b2ddfdd74a85ed1ad19a493"
        `);
        await queryRunner.query(`
            ALTER TABLE "deal_message" DROP CONSTRAINT "FK_28b7bf853e60771d5b0ceaee8cd"
        `);
        await queryRunner.query(`
            ALTER TABLE "term_sheet" DROP CONSTRAINT "FK_959827915525247d09a92de6f2a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fafd6d555863c7972562c93b6d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8aa42cfb76581f27d16ffc791e"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_reminder"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."deal_reminder_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3479b163d3605abc9389bf7628"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1d83d3a46c57967671597ccb7b"
        `);
        await queryRunner.query(`
            DROP TABLE "instalment"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."instalment_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_51d9fb861454cd32716ea9830b"
        `);
        await queryRunner.query(`
            DROP TABLE "revenue_report"
        `);
        await queryRunner.query(`
            DROP TABLE "ufpl_licence"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."payment_mode"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."payment_trigger_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_42af7f23ccf072683a2493fa6a"
        `);
        await queryRunner.query(`
            DROP TABLE "rights_grant"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."rights_grant_kind"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_record"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_equity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_658250ce09d2df450229c29472"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_valuation"
        `);
        await queryRunner.query(`
            DROP TABLE "income_policy"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9b6cc335621b8e365b2fc4cc64"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cb28708c6bae1f7c6ed3bb91ad"
        `);
        await queryRunner.query(`
            DROP TABLE "ledger_entry"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."ledger_party"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d89caf9a5f1d20945c7b9e574d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fccd60d648416ec327877bf861"
        `);
        await queryRunner.query(`
            DROP TABLE "income_event"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."income_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_55abc1327f776da8acb33ee0b4"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_contribution"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_69ebf0c245f5502f60251147fd"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_attachment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f6d723ce65c0a3f8f2a0471cbb"
        `);
        await queryRunner.query(`
            DROP TABLE "deal_message"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cbb30ffd3da5ce763041cf2c7c"
        `);
        await queryRunner.query(`
            DROP TABLE "term_sheet"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."term_sheet_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b0091c177f9583ef19ee7627ac"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_938125d1774957d1fb83d7b1ab"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_89bac4df01f3ebb0e3d52c27df"
        `);
        await queryRunner.query(`
            DROP TABLE "deal"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."licence_scope"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."deal_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."deal_type"
        `);
    }

}
