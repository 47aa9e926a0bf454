import type { ClientBase } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { postgresDataSourceOptions, type PostgresEnv } from '@app/database';
import { CreateMonolithTables1500000000000 } from './migrations/1500000000000-create-monolith-tables';
import { IndexCommentAuthorsAndEmails1500000000001 } from './migrations/1500000000001-index-comment-authors-and-emails';

const MIGRATIONS = [CreateMonolithTables1500000000000, IndexCommentAuthorsAndEmails1500000000001];

/** The schema version this repository knows: the name of the last legacy migration. */
export const LEGACY_SCHEMA_VERSION = new MIGRATIONS[MIGRATIONS.length - 1]().name;

/** The monolith's database before the split, with its own migrations (`legacy:seed` applies them). */
export function legacyDataSourceOptions(connection: PostgresEnv): DataSourceOptions {
  return postgresDataSourceOptions(connection, MIGRATIONS);
}

/**
 * The schema version of a legacy database: its last applied migration, or why it has none. The version
 * is only known when the applied migrations are exactly this repository's, in order, up to some point.
 */
export async function legacySchemaVersion(client: ClientBase): Promise<string> {
  const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
  if (!table.rows[0].exists) return 'none (no migrations table)';
  const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
  const known = MIGRATIONS.map((migration) => new migration().name);
  const applied = rows.map((row) => row.name);
  const prefix = applied.every((name, index) => known[index] === name);
  if (!prefix) return `unknown (applied: ${applied.join(', ')})`;
  return applied.at(-1) ?? 'none (no migration applied)';
}
