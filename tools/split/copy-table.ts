import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { advanceCheckpoint } from './checkpoints';
import { uuidLiteral } from './policy';
import { SplitTable } from './tables';

export interface CopyTableOptions {
  table: SplitTable;
  /** The table's legacy rows after the policy (SplitTable.legacyRows). */
  legacyRows: string;
  source: ClientBase;
  target: ClientBase;
  /** The key of the last row already copied (the checkpoint), if any. */
  after?: string;
  batchSize: number;
  onBatch(rows: number): void;
}

/**
 * Copies the legacy rows after `after` in batches of keys, each streamed from `COPY … TO STDOUT` on the
 * legacy database straight into `COPY … FROM STDIN` on the target, and committed there together with its
 * checkpoint. Memory stays flat whatever the table's size: rows only pass through the streams.
 */
export async function copyTable(options: CopyTableOptions): Promise<number> {
  const { table, source, target } = options;
  const key = `r.${table.key}`;
  const columns = table.columns.join(', ');
  let after = options.after;
  let copied = 0;
  for (;;) {
    const upper = await nextBatchEnd(options, after);
    if (upper === null) return copied;
    const range = [after && `${key} > ${uuidLiteral(after)}`, `${key} <= ${uuidLiteral(upper)}`]
      .filter(Boolean)
      .join(' AND ');
    await target.query('BEGIN');
    try {
      const into = target.query(copyFrom(`COPY ${table.name} (${columns}) FROM STDIN (FORMAT binary)`));
      const out = source.query(
        copyTo(
          `COPY (SELECT ${columns} FROM (${options.legacyRows}) r WHERE ${range} ORDER BY ${key}) TO STDOUT (FORMAT binary)`,
        ),
      );
      await pipeline(out, into);
      await advanceCheckpoint(target, table.name, upper, into.rowCount);
      await target.query('COMMIT');
      copied += into.rowCount;
      options.onBatch(into.rowCount);
    } catch (error) {
      await target.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    after = upper;
  }
}

/** The key that ends the next batch: the batchSize-th key after `after`, or else the last one; null when none is left. */
async function nextBatchEnd(options: CopyTableOptions, after: string | undefined): Promise<string | null> {
  const key = `r.${options.table.key}`;
  const from = `FROM (${options.legacyRows}) r ${after ? `WHERE ${key} > $1` : ''}`;
  const first = async (order: string) => {
    const sql = `SELECT ${key}::text AS key ${from} ORDER BY ${key} ${order} LIMIT 1`;
    const { rows } = await options.source.query<{ key: string }>(sql, after ? [after] : []);
    return rows.length > 0 ? rows[0].key : null;
  };
  return (await first(`ASC OFFSET ${options.batchSize - 1}`)) ?? (await first('DESC'));
}
