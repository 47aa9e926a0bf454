import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ensureServiceRole, migrateDatabase } from '@app/database';
import { freshDatabase } from '../../../test/support/databases';
import { authDataSourceOptions } from '../src/database';

/**
 * The EKS deploy's database-roles step against a real PostgreSQL, then auth's migrations and queries run as
 * the role it made. RDS's rds_iam role is stood in for by a plain one; the IAM token, which only RDS
 * accepts, by a password set here for the test.
 */
const role = `auth_service_${randomBytes(3).toString('hex')}`;
let databaseUrl: string;
let admin: { connectionString: string };

async function asAdmin<T>(query: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  databaseUrl = await freshDatabase('auth');
  admin = { connectionString: databaseUrl };
  await asAdmin((client) =>
    client.query(`DO $$ BEGIN CREATE ROLE rds_iam NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`),
  );
}, 120_000);

afterAll(async () => {
  await asAdmin(async (client) => {
    await client.query(`DROP OWNED BY ${role}`);
    await client.query(`DROP ROLE ${role}`);
  });
});

it('creates the service role once, with rds_iam, and leaves it be on every later deploy', async () => {
  const database = new URL(databaseUrl).pathname.slice(1);
  expect(await ensureServiceRole(admin, database, role)).toEqual({ role, created: true, iamAuthentication: true });
  expect(await ensureServiceRole(admin, database, role)).toEqual({ role, created: false, iamAuthentication: true });
  const { rows } = await asAdmin((client) =>
    client.query(
      `SELECT r.rolcanlogin, r.rolsuper, r.rolcreaterole, pg_has_role($1, 'rds_iam', 'MEMBER') AS iam
         FROM pg_roles r WHERE r.rolname = $1`,
      [role],
    ),
  );
  expect(rows).toEqual([{ rolcanlogin: true, rolsuper: false, rolcreaterole: false, iam: true }]);
});

it("lets auth's migrations and queries run as that role, which then owns auth's tables", async () => {
  const password = randomBytes(12).toString('hex');
  await asAdmin((client) => client.query(`ALTER ROLE ${role} PASSWORD '${password}'`));
  const asService = new URL(databaseUrl);
  asService.username = role;
  asService.password = password;
  const connection = { DATABASE_URL: asService.toString(), DATABASE_IAM_AUTH: false, AWS_REGION: 'eu-west-1' };
  expect(await migrateDatabase(authDataSourceOptions(connection))).toHaveLength(2);
  const dataSource = await new DataSource(authDataSourceOptions(connection)).initialize();
  try {
    await dataSource.query(
      `INSERT INTO users (id, email, password_hash, display_name) VALUES (gen_random_uuid(), 'ada@example.com', 'x', 'Ada')`,
    );
    expect(await dataSource.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'users'`)).toEqual([
      { tableowner: role },
    ]);
  } finally {
    await dataSource.destroy();
  }
});

it('refuses a role name it would have to quote', async () => {
  await expect(ensureServiceRole(admin, 'auth', 'Robert"); DROP TABLE users;--')).rejects.toThrow(
    'is not a role name this step creates',
  );
});
