import { MigrationInterface, QueryRunner } from "typeorm";

export class SessionVersion1796700000000 implements MigrationInterface {
    name = 'SessionVersion1796700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "session_version" integer NOT NULL DEFAULT '0'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "session_version"
        `);
    }

}
