import type { MigrationInterface, QueryRunner } from 'typeorm';

/** user_id columns hold ids of the auth service's users: plain columns, no foreign key across databases. */
export class CreateAdoptionsAndComments1732300000100 implements MigrationInterface {
  name = 'CreateAdoptionsAndComments1732300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE adoptions (
        mysfit_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        adopted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX adoptions_user_idx ON adoptions (user_id)`);
    await queryRunner.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY,
        mysfit_id uuid NOT NULL,
        user_id uuid NOT NULL,
        content varchar(200) NOT NULL CHECK (length(content) BETWEEN 1 AND 200),
        stars numeric(2, 1) NOT NULL CHECK (stars BETWEEN 0 AND 5),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX comments_mysfit_created_idx ON comments (mysfit_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE comments`);
    await queryRunner.query(`DROP TABLE adoptions`);
  }
}
