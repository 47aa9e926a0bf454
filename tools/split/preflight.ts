import type { ClientBase } from 'pg';
import { Checkpoint, readCheckpoint } from './checkpoints';
import { SplitRefusal } from './refusal';
import { checksumQuery, digestsQuery, SplitTable, targetRows } from './tables';

export interface TableChecksum {
  rows: number;
  checksum: string;
}

export async function checksum(client: ClientBase, rows: string, key: string, upTo?: string): Promise<TableChecksum> {
  const result = await client.query<{ rows: string; checksum: string }>(
    checksumQuery(rows, key, upTo === undefined ? 'all' : 'up to $1'),
    upTo === undefined ? [] : [upTo],
  );
  return {
    rows: Number(result.rows[0].rows),
    checksum: BigInt(result.rows[0].checksum).toString(16).padStart(16, '0'),
  };
}

const SAMPLE = 1_000;

/**
 * What the target already holds of a table, checked before anything is written. A target may hold
 * exactly the rows earlier runs copied (up to its checkpoint), equal to the legacy rows, and nothing
 * else; anything else is refused with what was found.
 */
export async function checkTarget(
  table: SplitTable,
  legacyRows: string,
  source: ClientBase,
  target: ClientBase,
): Promise<Checkpoint | undefined> {
  const label = `${table.target}.${table.name}`;
  const exists = await target.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [table.name]);
  if (!exists.rows[0].exists) return undefined;
  const checkpoint = await readCheckpoint(target, table.name);

  const beyond = checkpoint ? `WHERE ${table.key} > $1` : '';
  const params = checkpoint ? [checkpoint.lastKey] : [];
  const { rows } = await target.query<{ key: string }>(
    `SELECT ${table.key}::text AS key FROM ${table.name} ${beyond} ORDER BY ${table.key} LIMIT ${SAMPLE}`,
    params,
  );
  if (rows.length > 0) {
    const count = Number(
      (await target.query<{ count: string }>(`SELECT count(*) FROM ${table.name} ${beyond}`, params)).rows[0].count,
    );
    throw new SplitRefusal(await describeUnexpectedRows(label, table, legacyRows, source, target, rows, count));
  }
  if (checkpoint) {
    const [legacy, copied] = await Promise.all([
      checksum(source, legacyRows, table.key, checkpoint.lastKey),
      checksum(target, targetRows(table), table.key, checkpoint.lastKey),
    ]);
    if (legacy.rows !== copied.rows || legacy.checksum !== copied.checksum) {
      throw new SplitRefusal(
        `${label} no longer matches the legacy database in the rows copied before (up to ${checkpoint.lastKey}: ` +
          `${copied.rows} rows, checksum ${copied.checksum}; legacy: ${legacy.rows} rows, checksum ${legacy.checksum}): ` +
          'the legacy data or the target changed since',
      );
    }
  }
  return checkpoint;
}

async function describeUnexpectedRows(
  label: string,
  table: SplitTable,
  legacyRows: string,
  source: ClientBase,
  target: ClientBase,
  sample: { key: string }[],
  count: number,
): Promise<string> {
  const keys = sample.map((row) => row.key);
  const digests = async (client: ClientBase, rows: string) =>
    new Map(
      (await client.query<{ key: string; digest: string }>(digestsQuery(rows, table.key), [keys])).rows.map((row) => [
        row.key,
        row.digest,
      ]),
    );
  const [legacy, held] = await Promise.all([digests(source, legacyRows), digests(target, targetRows(table))]);
  const different = keys.filter((key) => legacy.has(key) && legacy.get(key) !== held.get(key));
  if (different.length > 0) {
    return `${label} already holds different data for the same ids as the legacy database (${different.length} of the ${keys.length} rows checked, first ${different[0]})`;
  }
  const unknown = keys.filter((key) => !legacy.has(key));
  if (unknown.length > 0) {
    return `${label} holds ${count} rows the split did not write, ${unknown.length} of the first ${keys.length} not in the legacy database (first ${unknown[0]}): the split fills empty tables`;
  }
  return `${label} already holds ${count} legacy rows that no split recorded copying (first ${keys[0]}): empty the table, or restore it together with its legacy_split_checkpoints table`;
}
