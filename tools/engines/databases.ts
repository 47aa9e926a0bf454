import { Client } from 'pg';

/** Creates the database unless it exists, connecting through `adminUrl` (any database of the server). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The URL of one database on a local server whose user and password are known. */
export function postgresUrl(server: { user: string; password: string; port: number }, database: string): string {
  return `postgres://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/${database}`;
}
