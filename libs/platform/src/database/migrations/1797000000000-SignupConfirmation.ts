import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail-confirmed sign-up. Every account that exists today was made by the seed, an invitation
 * (whose token came by e-mail) or a registration from before confirmation: all count as confirmed.
 * A self-registration sets `email_confirmed_at` to null until its link is opened.
 */
export class SignupConfirmation1797000000000 implements MigrationInterface {
  name = 'SignupConfirmation1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "user_account"
        ADD "email_confirmed_at" timestamptz DEFAULT now(),
        ADD "confirmation_token_hash" varchar(64),
        ADD "confirmation_requested_at" timestamptz,
        ADD "confirmation_sent_at" timestamptz,
        ADD "confirmation_expires_at" timestamptz
    `);
    await queryRunner.query(`UPDATE "user_account" SET "email_confirmed_at" = "created_at"`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "user_account_confirmation_token_hash"
        ON "user_account" ("confirmation_token_hash") WHERE "confirmation_token_hash" IS NOT NULL
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "user_account_confirmation_token_hash"`);
    await queryRunner.query(`
      ALTER TABLE "user_account"
        DROP COLUMN "confirmation_expires_at",
        DROP COLUMN "confirmation_sent_at",
        DROP COLUMN "confirmation_requested_at",
        DROP COLUMN "confirmation_token_hash",
        DROP COLUMN "email_confirmed_at"
    `);
  }
}
