import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Term statistics the platform keeps itself, whatever the search engine: how many documents of
 * each kind hold each term (document frequency), and the corpus size and length. The matcher
 * reads them to weigh words by how rare they are. Written with SQL by TermStatistics; no entity.
 */
export class TermStatistics1796700000000 implements MigrationInterface {
  name = 'TermStatistics1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "term_stat_document" (
        "id" character varying(64) NOT NULL,
        "kind" character varying(16) NOT NULL,
        "terms" text[] NOT NULL,
        "length" real NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_term_stat_document" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "term_stat_term" (
        "kind" character varying(16) NOT NULL,
        "term" text NOT NULL,
        "df" integer NOT NULL,
        CONSTRAINT "PK_term_stat_term" PRIMARY KEY ("kind", "term")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "term_stat_corpus" (
        "kind" character varying(16) NOT NULL,
        "documents" integer NOT NULL,
        "total_length" double precision NOT NULL,
        CONSTRAINT "PK_term_stat_corpus" PRIMARY KEY ("kind")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "term_stat_corpus"`);
    await queryRunner.query(`DROP TABLE "term_stat_term"`);
    await queryRunner.query(`DROP TABLE "term_stat_document"`);
  }
}
