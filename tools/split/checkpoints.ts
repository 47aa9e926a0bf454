import type { ClientBase } from 'pg';

/**
 * How far each table got, kept in the target database beside the rows and committed in the same
 * transaction as each batch, so that a checkpoint never claims a row that is not there (or the reverse).
 */
export interface Checkpoint {
  lastKey: string;
  rowsCopied: number;
}

/**
 * In the public schema, beside the service's own tables: on RDS the service's database role may create
 * tables there but no schema (terraform/README.md, "Database credentials").
 */
export const CHECKPOINTS = 'legacy_split_checkpoints';

export async function createCheckpointTable(target: ClientBase): Promise<void> {
  await target.query(`
    CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (
      table_name text PRIMARY KEY,
      last_key uuid NOT NULL,
      rows_copied bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
}

/** The checkpoint of a table, if a split ever committed a batch of it. */
export async function readCheckpoint(target: ClientBase, table: string): Promise<Checkpoint | undefined> {
  const exists = await target.query<{ exists: boolean }>(`SELECT to_regclass('${CHECKPOINTS}') IS NOT NULL AS exists`);
  if (!exists.rows[0].exists) return undefined;
  const { rows } = await target.query<{ last_key: string; rows_copied: string }>(
    `SELECT last_key, rows_copied FROM ${CHECKPOINTS} WHERE table_name = $1`,
    [table],
  );
  return rows[0] && { lastKey: rows[0].last_key, rowsCopied: Number(rows[0].rows_copied) };
}

/** Call inside the batch's transaction. */
export async function advanceCheckpoint(target: ClientBase, table: string, lastKey: string, rows: number) {
  await target.query(
    `INSERT INTO ${CHECKPOINTS} AS checkpoint (table_name, last_key, rows_copied) VALUES ($1, $2, $3)
     ON CONFLICT (table_name) DO UPDATE SET last_key = excluded.last_key,
       rows_copied = checkpoint.rows_copied + excluded.rows_copied, updated_at = now()`,
    [table, lastKey, rows],
  );
}
