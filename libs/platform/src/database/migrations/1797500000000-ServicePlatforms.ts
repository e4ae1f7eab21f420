import { MigrationInterface, QueryRunner } from 'typeorm';

/** Service platforms (proof-of-concept centres, pilot platforms, incubators), their services and quotes. */
export class ServicePlatforms1797500000000 implements MigrationInterface {
  name = 'ServicePlatforms1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "service_platform_kind" AS ENUM ('proof_of_concept', 'pilot', 'incubator')`);
    await queryRunner.query(`CREATE TYPE "service_platform_status" AS ENUM ('pending', 'verified', 'rejected')`);
    await queryRunner.query(
      `CREATE TYPE "service_quote_status" AS ENUM ('requested', 'quoted', 'accepted', 'completed', 'declined')`,
    );
    await queryRunner.query(`
      CREATE TABLE "service_platform" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "kinds" "service_platform_kind" array NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "region_code" character varying(12),
        "status" "service_platform_status" NOT NULL DEFAULT 'pending',
        "status_reason" text,
        "verified_at" TIMESTAMP WITH TIME ZONE,
        "verified_by" uuid,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_service_platform" PRIMARY KEY ("id"),
        CONSTRAINT "FK_service_platform_org" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_service_platform_org" ON "service_platform" ("org_id")`);
    await queryRunner.query(`
      CREATE TABLE "platform_service" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "platform_id" uuid NOT NULL,
        "title" character varying(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "field_codes" character varying(40) array NOT NULL DEFAULT '{}',
        "trl_from" smallint NOT NULL,
        "trl_to" smallint NOT NULL,
        "facilities" text NOT NULL DEFAULT '',
        "price_min" numeric(14,2),
        "price_max" numeric(14,2),
        "lead_time_days" integer NOT NULL,
        "region_code" character varying(12),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_platform_service" PRIMARY KEY ("id"),
        CONSTRAINT "platform_service_trl" CHECK ("trl_from" BETWEEN 1 AND 9 AND "trl_to" BETWEEN 1 AND 9 AND "trl_from" <= "trl_to"),
        CONSTRAINT "platform_service_price" CHECK ("price_min" IS NULL OR "price_max" IS NULL OR "price_min" <= "price_max"),
        CONSTRAINT "FK_platform_service_platform" FOREIGN KEY ("platform_id") REFERENCES "service_platform"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_platform_service_platform_active" ON "platform_service" ("platform_id", "active")`,
    );
    await queryRunner.query(`
      CREATE TABLE "service_quote" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "service_id" uuid NOT NULL,
        "platform_id" uuid NOT NULL,
        "platform_org_id" uuid NOT NULL,
        "requester_org_id" uuid NOT NULL,
        "achievement_id" uuid NOT NULL,
        "achievement_org_id" uuid NOT NULL,
        "recommendation_id" uuid,
        "status" "service_quote_status" NOT NULL DEFAULT 'requested',
        "trl_before" smallint,
        "target_trl" smallint NOT NULL,
        "price" numeric(14,2),
        "lead_time_days" integer,
        "trl_reached" smallint,
        "report" text,
        "decline_reason" text,
        "quoted_at" TIMESTAMP WITH TIME ZONE,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "declined_at" TIMESTAMP WITH TIME ZONE,
        "maturity_confirmed_at" TIMESTAMP WITH TIME ZONE,
        "maturity_confirmed_by" uuid,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_service_quote" PRIMARY KEY ("id"),
        CONSTRAINT "service_quote_trl" CHECK ("target_trl" BETWEEN 1 AND 9 AND ("trl_reached" IS NULL OR "trl_reached" BETWEEN 1 AND 9)),
        CONSTRAINT "FK_service_quote_service" FOREIGN KEY ("service_id") REFERENCES "platform_service"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_service_quote_platform" FOREIGN KEY ("platform_id") REFERENCES "service_platform"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_service_quote_platform_org" FOREIGN KEY ("platform_org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_service_quote_requester_org" FOREIGN KEY ("requester_org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_service_quote_achievement" FOREIGN KEY ("achievement_id") REFERENCES "achievement"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_service_quote_achievement_org" FOREIGN KEY ("achievement_org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_service_quote_requester" ON "service_quote" ("requester_org_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_service_quote_platform" ON "service_quote" ("platform_org_id", "created_at")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_service_quote_achievement" ON "service_quote" ("achievement_org_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_service_quote_completed" ON "service_quote" ("completed_at") WHERE "status" = 'completed'`);
    await queryRunner.query(`
      CREATE TABLE "service_quote_message" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "quote_id" uuid NOT NULL,
        "author_user_id" uuid NOT NULL,
        "author_org_id" uuid NOT NULL,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_service_quote_message" PRIMARY KEY ("id"),
        CONSTRAINT "FK_service_quote_message_quote" FOREIGN KEY ("quote_id") REFERENCES "service_quote"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_service_quote_message_quote" ON "service_quote_message" ("quote_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "service_quote_message"`);
    await queryRunner.query(`DROP TABLE "service_quote"`);
    await queryRunner.query(`DROP TABLE "platform_service"`);
    await queryRunner.query(`DROP TABLE "service_platform"`);
    await queryRunner.query(`DROP TYPE "service_quote_status"`);
    await queryRunner.query(`DROP TYPE "service_platform_status"`);
    await queryRunner.query(`DROP TYPE "service_platform_kind"`);
  }
}
