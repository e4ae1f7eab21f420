import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (TypeORM cannot declare partitioned tables): the search tables become
 * partitioned by generation, so a rebuild loads a fresh table without indexes, indexes it once
 * and attaches it, and dropping the old generation is a DROP TABLE rather than deleting
 * millions of postings. Corpus statistics for BM25 (documents, total length, document
 * frequency per term) are kept in tables maintained with every write, so a query no longer
 * counts postings to learn how common its terms are.
 */
export class SearchGenerations1795574000000 implements MigrationInterface {
  name = 'SearchGenerations1795574000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_document" RENAME TO "search_document_unpartitioned"`);
    await queryRunner.query(`ALTER TABLE "search_posting" RENAME TO "search_posting_unpartitioned"`);
    for (const index of [
      'search_document_recent_idx',
      'search_document_field_codes_idx',
      'search_document_region_codes_idx',
      'search_document_transfer_modes_idx',
      'search_document_title_trgm_idx',
      'search_posting_document_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }

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
        "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
      ) PARTITION BY LIST ("generation")
    `);
    await queryRunner.query(`
      CREATE TABLE "search_posting" (
        "generation" integer NOT NULL,
        "term" character varying(64) NOT NULL,
        "document_id" character varying(64) NOT NULL,
        "frequency" real NOT NULL,
        "document_length" real NOT NULL
      ) PARTITION BY LIST ("generation")
    `);
    // The adapter gives each table it loads for a rebuild the same indexes before attaching it
    // (libs/platform/src/search/postgres/generation-tables.ts): keep the two in step.
    await queryRunner.query(
      `ALTER TABLE "search_document" ADD CONSTRAINT "search_document_pkey" PRIMARY KEY ("generation", "id")`,
    );
    // Newest first for browsing, carrying the filter and facet columns so a search without text
    // reads this narrow index instead of the documents.
    await queryRunner.query(
      `CREATE INDEX "search_document_recent_idx" ON "search_document" ("generation", "updated_at")
         INCLUDE ("id", "kind", "owner_org_id", "status", "visibility", "field_codes", "region_codes", "maturity",
                  "ip_types", "transfer_modes", "institution", "amount_min", "amount_max")`,
    );
    await queryRunner.query(`CREATE INDEX "search_document_field_codes_idx" ON "search_document" USING gin ("field_codes")`);
    await queryRunner.query(
      `CREATE INDEX "search_document_region_codes_idx" ON "search_document" USING gin ("region_codes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_document_transfer_modes_idx" ON "search_document" USING gin ("transfer_modes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_document_title_trgm_idx" ON "search_document" USING gin ("title_normalised" gin_trgm_ops)`,
    );
    // Postings carry what scoring reads, so ranking is an index-only scan.
    await queryRunner.query(
      `ALTER TABLE "search_posting" ADD CONSTRAINT "search_posting_pkey"
         PRIMARY KEY ("generation", "term", "document_id") INCLUDE ("frequency", "document_length")`,
    );
    // A document's postings in one range, for rescoring the best matches and for replacing them.
    await queryRunner.query(
      `CREATE INDEX "search_posting_document_idx" ON "search_posting" ("generation", "document_id")
         INCLUDE ("term", "frequency", "document_length")`,
    );

    await queryRunner.query(`
      CREATE TABLE "search_stats" (
        "generation" integer NOT NULL,
        "documents" integer NOT NULL DEFAULT 0,
        "total_length" double precision NOT NULL DEFAULT 0,
        CONSTRAINT "search_stats_pkey" PRIMARY KEY ("generation")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "search_term" (
        "generation" integer NOT NULL,
        "term" character varying(64) NOT NULL,
        "df" integer NOT NULL,
        CONSTRAINT "search_term_pkey" PRIMARY KEY ("generation", "term")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "search_pending" (
        "seq" bigserial NOT NULL,
        "generation" integer NOT NULL,
        "document_id" character varying(64) NOT NULL,
        "document" jsonb,
        CONSTRAINT "search_pending_pkey" PRIMARY KEY ("seq")
      )
    `);

    const state = (await queryRunner.query(`SELECT live_generation AS live FROM search_state WHERE id = 1`)) as Array<{
      live: number;
    }>;
    const live = state[0].live;
    // A rebuild that was running is abandoned: only the live generation is carried over.
    await queryRunner.query(`UPDATE search_state SET building_generation = NULL WHERE id = 1`);
    const generation = Number(live);
    await queryRunner.query(
      `CREATE TABLE "search_document_g${generation}" PARTITION OF "search_document" FOR VALUES IN (${generation})`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_posting_g${generation}" PARTITION OF "search_posting" FOR VALUES IN (${generation})`,
    );
    await queryRunner.query(
      `INSERT INTO search_document SELECT * FROM search_document_unpartitioned WHERE generation = $1`,
      [live],
    );
    await queryRunner.query(
      `INSERT INTO search_posting (generation, term, document_id, frequency, document_length)
       SELECT generation, term, document_id, frequency, document_length FROM search_posting_unpartitioned WHERE generation = $1`,
      [live],
    );
    await queryRunner.query(`DROP TABLE "search_posting_unpartitioned"`);
    await queryRunner.query(`DROP TABLE "search_document_unpartitioned"`);
    await queryRunner.query(
      `INSERT INTO search_stats (generation, documents, total_length)
       SELECT $1, count(*), coalesce(sum(term_length), 0) FROM search_document WHERE generation = $1`,
      [live],
    );
    await queryRunner.query(
      `INSERT INTO search_term (generation, term, df)
       SELECT $1, term, count(*) FROM search_posting WHERE generation = $1 GROUP BY term`,
      [live],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_pending"`);
    await queryRunner.query(`DROP TABLE "search_term"`);
    await queryRunner.query(`DROP TABLE "search_stats"`);
    await queryRunner.query(`
      CREATE TABLE "search_document_unpartitioned" (LIKE "search_document" INCLUDING DEFAULTS)
    `);
    await queryRunner.query(`
      CREATE TABLE "search_posting_unpartitioned" (LIKE "search_posting" INCLUDING DEFAULTS)
    `);
    await queryRunner.query(`INSERT INTO "search_document_unpartitioned" SELECT * FROM "search_document"`);
    await queryRunner.query(`INSERT INTO "search_posting_unpartitioned" SELECT * FROM "search_posting"`);
    await queryRunner.query(`DROP TABLE "search_posting"`);
    await queryRunner.query(`DROP TABLE "search_document"`);
    await queryRunner.query(`ALTER TABLE "search_document_unpartitioned" RENAME TO "search_document"`);
    await queryRunner.query(`ALTER TABLE "search_posting_unpartitioned" RENAME TO "search_posting"`);
    await queryRunner.query(`
      ALTER TABLE "search_document" ADD CONSTRAINT "PK_d9ce2ad4f95a3c978a0d0028b1b" PRIMARY KEY ("generation", "id")
    `);
    await queryRunner.query(`
      ALTER TABLE "search_posting" ADD CONSTRAINT "PK_abdfede18f86041492a929f3db5" PRIMARY KEY ("generation", "term", "document_id")
    `);
    await queryRunner.query(`CREATE INDEX "search_document_recent_idx" ON "search_document" ("generation", "updated_at")`);
    await queryRunner.query(`CREATE INDEX "search_posting_document_idx" ON "search_posting" ("document_id")`);
    await queryRunner.query(`CREATE INDEX "search_document_field_codes_idx" ON "search_document" USING gin ("field_codes")`);
    await queryRunner.query(
      `CREATE INDEX "search_document_region_codes_idx" ON "search_document" USING gin ("region_codes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_document_transfer_modes_idx" ON "search_document" USING gin ("transfer_modes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_document_title_trgm_idx" ON "search_document" USING gin ("title_normalised" gin_trgm_ops)`,
    );
  }
}
