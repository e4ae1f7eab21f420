import { MigrationInterface, QueryRunner } from "typeorm";

export class ImportFailureCodes1796608806937 implements MigrationInterface {
    name = 'ImportFailureCodes1796608806937'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "catalog_import"
            ADD "failure_code" character varying(32)
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_import"
            ADD "failure_params" jsonb
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "catalog_import" DROP COLUMN "failure_params"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_import" DROP COLUMN "failure_code"
        `);
    }

}
