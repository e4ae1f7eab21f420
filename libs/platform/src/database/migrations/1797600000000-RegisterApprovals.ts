import { MigrationInterface, QueryRunner } from 'typeorm';

/** The institution's approvals of disposals in its register of service inventions. */
export class RegisterApprovals1797600000000 implements MigrationInterface {
  name = 'RegisterApprovals1797600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "register_approval" (
        "deal_id" uuid NOT NULL,
        "institution_org_id" uuid NOT NULL,
        "approved_by" character varying(100) NOT NULL,
        "approved_on" date NOT NULL,
        "document_ref" character varying(100) NOT NULL,
        "recorded_by" uuid NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_register_approval" PRIMARY KEY ("deal_id"),
        CONSTRAINT "FK_register_approval_deal" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_register_approval_recorder" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_register_approval_institution" ON "register_approval" ("institution_org_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "register_approval"`);
  }
}
