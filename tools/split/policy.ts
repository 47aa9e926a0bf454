import type { ClientBase } from 'pg';

/**
 * How legacy rows that cannot move as they are get moved (docs/cut-over.md, "What the split does with
 * awkward rows"):
 * - Accounts whose emails differ only in case cannot all exist in auth, where emails are unique in any
 *   case. The one that logged in last (then the oldest) keeps the email and its password; the others are
 *   merged into it: they are not copied, and their adoptions and comments are attributed to it.
 * - A comment whose author was deleted in the monolith (its user_id became NULL) is kept and attributed
 *   to FORMER_MEMBER, an id no account has, so that the page shows it without an author, as before.
 */
export interface SplitPolicy {
  merges: Merge[];
}

export interface Merge {
  legacyId: string;
  ownerId: string;
  email: string;
}

export const FORMER_MEMBER = '00000000-0000-0000-0000-000000000000';

export async function readPolicy(source: ClientBase): Promise<SplitPolicy> {
  const { rows } = await source.query<{ legacy_id: string; owner_id: string; email: string }>(`
    SELECT id AS legacy_id, owner_id, email FROM (
      SELECT id, email, first_value(id) OVER (
        PARTITION BY lower(email) ORDER BY last_login DESC NULLS LAST, date_joined, id
      ) AS owner_id
      FROM accounts_user
    ) ranked
    WHERE id <> owner_id
    ORDER BY id`);
  return { merges: rows.map((row) => ({ legacyId: row.legacy_id, ownerId: row.owner_id, email: row.email })) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A uuid as an SQL literal, for statements that cannot take parameters (COPY). The values are keys read
 * from PostgreSQL; checking their form anyway keeps anything else out of the statement.
 */
export function uuidLiteral(id: string): string {
  if (!UUID.test(id)) throw new Error(`Not a uuid: ${id}`);
  return `'${id}'::uuid`;
}

export function uuidArray(ids: string[]): string {
  return `ARRAY[${ids.map(uuidLiteral).join(', ')}]::uuid[]`;
}
