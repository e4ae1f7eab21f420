import { MigrationInterface, QueryRunner } from "typeorm";

export class RecommendationAnswers1795570985918 implements MigrationInterface {
    name = 'RecommendationAnswers1795570985918'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "recommendation"
            ADD "company_answered_by" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation"
            ADD "company_note" text
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation"
            ADD "institution_answered_by" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation"
            ADD "institution_note" text
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "recommendation" DROP COLUMN "institution_note"
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation" DROP COLUMN "institution_answered_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation" DROP COLUMN "company_note"
        `);
        await queryRunner.query(`
            ALTER TABLE "recommendation" DROP COLUMN "company_answered_by"
        `);
    }

}
