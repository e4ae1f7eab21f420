import { MigrationInterface, QueryRunner } from "typeorm";

export class Search1795569215095 implements MigrationInterface {
    name = 'Search1795569215095'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Added by hand: pg_trgm ships with PostgreSQL (contrib) and gives typo-tolerant title matching.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`
            CREATE TABLE "search_state" (
                "id" smallint NOT NULL DEFAULT '1',
                "live_generation" integer NOT NULL DEFAULT '1',
                "building_generation" integer,
                CONSTRAINT "search_state_single_row" CHECK (id = 1),
                CONSTRAINT "PK_2750469a98b49efe9b4adbba7e2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "search_document" (
                "generation" integer NOT NULL,
                "id" character varying(64) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "owner_org_id" character varying(64) NOT NULL,
                "title_normalised" text NOT NULL,
                "field_codes" character varying(64) array NOT NULL DEFAULT '{}',
                "region_codes" character varying(64) array NOT NULL DEFAULT '{}',
                "maturity" character varying(64),
                "ip_types" character varying(64) array NOT NULL DEFAULT '{}',
                "transfer_modes" character varying(64) array NOT NULL DEFAULT '{}',
                "institution" character varying(200),
                "amount_min" bigint,
                "amount_max" bigint,
                "status" character varying(32) NOT NULL,
                "visibility" character varying(16) NOT NULL,
                "term_length" real NOT NULL,
                "document" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d9ce2ad4f95a3c978a0d0028b1b" PRIMARY KEY ("generation", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "search_document_recent_idx" ON "search_document" ("generation", "updated_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "search_posting" (
                "generation" integer NOT NULL,
                "term" character varying(64) NOT NULL,
                "document_id" character varying(64) NOT NULL,
                "frequency" real NOT NULL,
                "document_length" real NOT NULL,
                CONSTRAINT "PK_abdfede18f86041492a929f3db5" PRIMARY KEY ("generation", "term", "document_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "search_posting_document_idx" ON "search_posting" ("document_id")
        `);
        // Added by hand: indexes TypeORM cannot declare, and the one state row.
        await queryRunner.query(`
            CREATE INDEX "search_document_field_codes_idx" ON "search_document" USING gin ("field_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "search_document_region_codes_idx" ON "search_document" USING gin ("region_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "search_document_transfer_modes_idx" ON "search_document" USING gin ("transfer_modes")
        `);
        await queryRunner.query(`
            CREATE INDEX "search_document_title_trgm_idx" ON "search_document" USING gin ("title_normalised" gin_trgm_ops)
        `);
        await queryRunner.query(`
            INSERT INTO "search_state" ("id", "live_generation", "building_generation") VALUES (1, 1, NULL)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The GIN indexes go with their table; pg_trgm stays (other objects may use it).
        await queryRunner.query(`
            DROP INDEX "public"."search_posting_document_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "search_posting"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."search_document_recent_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "search_document"
        `);
        await queryRunner.query(`
            DROP TABLE "search_state"
        `);
    }

}
