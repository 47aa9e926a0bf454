import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for "my comments" and for Django's case-insensitive email lookups (`email__iexact` uses UPPER). */
export class IndexCommentAuthorsAndEmails1500000000001 implements MigrationInterface {
  name = 'IndexCommentAuthorsAndEmails1500000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX mysfits_comment_user_id_idx ON mysfits_comment (user_id)`);
    await queryRunner.query(`CREATE INDEX accounts_user_email_upper_idx ON accounts_user (upper(email))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX accounts_user_email_upper_idx`);
    await queryRunner.query(`DROP INDEX mysfits_comment_user_id_idx`);
  }
}
