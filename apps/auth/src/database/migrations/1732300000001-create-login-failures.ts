import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed-login counters shared by every auth replica (the table layout rate-limiter-flexible expects). */
export class CreateLoginFailures1732300000001 implements MigrationInterface {
  name = 'CreateLoginFailures1732300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_failures (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_failures`);
  }
}
