import { MigrationInterface, QueryRunner } from "typeorm";

export class MatchRuns1795583081069 implements MigrationInterface {
    name = 'MatchRuns1795583081069'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "match_run" (
                "subject_kind" character varying(16) NOT NULL,
                "subject_id" uuid NOT NULL,
                "subject_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "matched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "match_run_subject_kind" CHECK ("subject_kind" IN ('need', 'achievement')),
                CONSTRAINT "PK_370a9426b1a91371ef60d61605f" PRIMARY KEY ("subject_kind", "subject_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "match_run"
        `);
    }

}
