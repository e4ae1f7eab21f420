import { MigrationInterface, QueryRunner } from "typeorm";

export class Outbox1795567262762 implements MigrationInterface {
    name = 'Outbox1795567262762'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event" character varying(80) NOT NULL,
                "job_name" character varying(80) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                "relay_attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_pending_idx" ON "outbox" ("created_at")
            WHERE dispatched_at IS NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."outbox_pending_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    }

}
