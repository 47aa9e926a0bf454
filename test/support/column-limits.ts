import pg from 'pg';

/** The `n` of a `varchar(n)` column, as the migrated database reports it. */
export async function columnLength(databaseUrl: string, table: string, column: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ character_maximum_length: number | null }>(
      `SELECT character_maximum_length FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`,
      [table, column],
    );
    const length = rows[0]?.character_maximum_length;
    if (!length) throw new Error(`${table}.${column} is not a varchar(n) column`);
    return length;
  } finally {
    await client.end();
  }
}

/**
 * Text of exactly `count` code points made mostly of "❤️" (U+2764 U+FE0F): a validator that counts it as
 * PostgreSQL does sees `count`, one that counts user-perceived characters sees about half.
 */
export function textOfCodePoints(count: number): string {
  return '\u2764\ufe0f'.repeat(Math.floor(count / 2)) + 'a'.repeat(count % 2);
}
