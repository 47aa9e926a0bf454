import { FORMER_MEMBER, SplitPolicy, uuidArray } from './policy';

export type TargetDatabase = 'auth' | 'app';

/** One legacy table and where it goes. */
export interface SplitTable {
  /** The target table's name, also the name of its checkpoint. */
  name: string;
  target: TargetDatabase;
  /** The unique key that orders the batches. */
  key: string;
  /** The target's columns, in the order both sides list them. */
  columns: string[];
  /** The legacy rows in the target's shape, after the policy: an SQL query for the legacy database. */
  legacyRows(policy: SplitPolicy): string;
}

/** The merged accounts as a relation (legacy_id, owner_id). */
function merged(policy: SplitPolicy): string {
  const merges = policy.merges;
  return `unnest(${uuidArray(merges.map((merge) => merge.legacyId))}, ${uuidArray(merges.map((merge) => merge.ownerId))}) AS merged (legacy_id, owner_id)`;
}

export const USERS: SplitTable = {
  name: 'users',
  target: 'auth',
  key: 'id',
  columns: ['id', 'email', 'password_hash', 'display_name', 'created_at'],
  legacyRows: (policy) => `
    SELECT id, email, password AS password_hash, display_name, date_joined AS created_at
    FROM accounts_user
    WHERE id <> ALL (${uuidArray(policy.merges.map((merge) => merge.legacyId))})`,
};

export const ADOPTIONS: SplitTable = {
  name: 'adoptions',
  target: 'app',
  key: 'mysfit_id',
  columns: ['mysfit_id', 'user_id', 'adopted_at'],
  legacyRows: (policy) => `
    SELECT adoption.mysfit_id, coalesce(merged.owner_id, adoption.user_id) AS user_id, adoption.adopted_at
    FROM mysfits_adoption adoption
    LEFT JOIN ${merged(policy)} ON merged.legacy_id = adoption.user_id`,
};

export const COMMENTS: SplitTable = {
  name: 'comments',
  target: 'app',
  key: 'id',
  columns: ['id', 'mysfit_id', 'user_id', 'content', 'stars', 'created_at'],
  legacyRows: (policy) => `
    SELECT comment.id, comment.mysfit_id,
      coalesce(merged.owner_id, comment.user_id, '${FORMER_MEMBER}') AS user_id,
      comment.content, comment.stars, comment.created_at
    FROM mysfits_comment comment
    LEFT JOIN ${merged(policy)} ON merged.legacy_id = comment.user_id`,
};

/** In the order they are copied. */
export const SPLIT_TABLES = [USERS, ADOPTIONS, COMMENTS];

/** The target's rows, in the same shape as `legacyRows`. */
export function targetRows(table: SplitTable): string {
  return `SELECT ${table.columns.join(', ')} FROM ${table.name}`;
}

/**
 * Row count and a content checksum of a relation, computed by PostgreSQL: the sum of the first 60 bits
 * of each row's MD5 (its text form, key included), so that it needs no sort and no memory. Both sides
 * give rows the same types and run with TimeZone UTC, so equal rows have equal text.
 */
export function checksumQuery(rows: string, key: string, filter: 'all' | 'up to $1'): string {
  const where = filter === 'all' ? '' : `WHERE r.${key} <= $1`;
  return `SELECT count(*)::bigint AS rows,
      coalesce(sum(('x' || substr(md5(r::text), 1, 15))::bit(60)::bigint), 0)::text AS checksum
    FROM (${rows}) r ${where}`;
}

/** Keys and row digests of the given keys, to tell which rows differ. */
export function digestsQuery(rows: string, key: string): string {
  return `SELECT r.${key}::text AS key, md5(r::text) AS digest FROM (${rows}) r WHERE r.${key} = ANY ($1::uuid[])`;
}
