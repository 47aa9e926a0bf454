import pg from 'pg';

/** A PostgreSQL role name this project creates: lower case, digits and underscores. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface ServiceRoleOutcome {
  role: string;
  created: boolean;
  /** Whether the role may sign in with RDS IAM authentication tokens (the server has rds_iam: RDS). */
  iamAuthentication: boolean;
}

/**
 * Makes sure the service's own database role exists and may sign in and own its schema: LOGIN, no
 * password, rds_iam where the server has it (RDS: sign-in with IAM authentication tokens only), CONNECT
 * and TEMPORARY on its database, CREATE and USAGE on the public schema. The service's migrations, run as
 * that role, then create and own its tables. Idempotent: every deploy runs it. Needs a role allowed to
 * create roles (on RDS, the master user).
 */
export async function ensureServiceRole(
  admin: pg.ClientConfig,
  database: string,
  role: string,
): Promise<ServiceRoleOutcome> {
  if (!ROLE_NAME.test(role)) throw new Error(`"${role}" is not a role name this step creates`);
  const client = new pg.Client({ ...admin, database });
  await client.connect();
  try {
    const exists = async (name: string) =>
      (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1;
    const quoted = pg.escapeIdentifier(role);
    const created = !(await exists(role));
    if (created) await client.query(`CREATE ROLE ${quoted} LOGIN`);
    const iamAuthentication = await exists('rds_iam');
    if (iamAuthentication) await client.query(`GRANT rds_iam TO ${quoted}`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(database)} TO ${quoted}`);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${quoted}`);
    return { role, created, iamAuthentication };
  } finally {
    await client.end();
  }
}
