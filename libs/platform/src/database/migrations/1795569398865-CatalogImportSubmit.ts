import { MigrationInterface, QueryRunner } from "typeorm";

export class CatalogImportSubmit1795569398865 implements MigrationInterface {
    name = 'CatalogImportSubmit1795569398865'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "catalog_import"
            ADD "submit" boolean NOT NULL DEFAULT false
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "catalog_import" DROP COLUMN "submit"
        `);
    }

}
