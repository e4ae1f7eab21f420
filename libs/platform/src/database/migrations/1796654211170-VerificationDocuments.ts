import { MigrationInterface, QueryRunner } from "typeorm";

export class VerificationDocuments1796654211170 implements MigrationInterface {
    name = 'VerificationDocuments1796654211170'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."legal_document" AS ENUM('terms', 'privacy')
        `);
        await queryRunner.query(`
            CREATE TABLE "legal_consent" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "document" "public"."legal_document" NOT NULL,
                "version" character varying(20) NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a52507792edb46bcfa3037cc853" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c51e4bb39f602186955814f666" ON "legal_consent" ("user_id", "document", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "organisation_licence" (
                "organisation_id" uuid NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size" integer NOT NULL,
                "content" bytea NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_280d0f9cd63b1866c6ba4bd14ff" PRIMARY KEY ("organisation_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_consent"
            ADD CONSTRAINT "FK_c0153b14fbfdecfe101080bae7d" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "organisation_licence"
            ADD CONSTRAINT "FK_280d0f9cd63b1866c6ba4bd14ff" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "organisation_licence" DROP CONSTRAINT "FK_280d0f9cd63b1866c6ba4bd14ff"
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_consent" DROP CONSTRAINT "FK_c0153b14fbfdecfe101080bae7d"
        `);
        await queryRunner.query(`
            DROP TABLE "organisation_licence"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c51e4bb39f602186955814f666"
        `);
        await queryRunner.query(`
            DROP TABLE "legal_consent"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."legal_document"
        `);
    }

}
