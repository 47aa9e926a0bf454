import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monolith before the split, as its Django models made it: one database, with foreign keys from
 * adoptions and comments to the users. Emails were never unique, so two accounts can differ only in
 * case. Deleting an account deletes its adoptions but keeps its comments, without an author.
 */
export class CreateMonolithTables1500000000000 implements MigrationInterface {
  name = 'CreateMonolithTables1500000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounts_user (
        id uuid PRIMARY KEY,
        email varchar(254) NOT NULL,
        password varchar(128) NOT NULL,
        display_name varchar(50) NOT NULL,
        date_joined timestamptz NOT NULL DEFAULT now(),
        last_login timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE mysfits_adoption (
        mysfit_id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES accounts_user (id) ON DELETE CASCADE,
        adopted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE mysfits_comment (
        id uuid PRIMARY KEY,
        mysfit_id uuid NOT NULL,
        user_id uuid REFERENCES accounts_user (id) ON DELETE SET NULL,
        content varchar(200) NOT NULL,
        stars numeric(2, 1) NOT NULL CHECK (stars BETWEEN 0 AND 5),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mysfits_comment`);
    await queryRunner.query(`DROP TABLE mysfits_adoption`);
    await queryRunner.query(`DROP TABLE accounts_user`);
  }
}
