import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import { parseEnv } from '@app/config-kit';
import { migrateDatabase } from '@app/database';
import { dynamoDbEnv } from '@app/dynamodb';
import { ensureDatabase } from '../engines/databases';
import { localSystem } from '../launcher/local-system';
import { djangoPasswordHash, SEED_ITERATIONS } from './django-password';
import { legacyDataSourceOptions } from './legacy-database';
import { MysfitsTable } from './mysfits-table';

const USAGE = `npm run legacy:seed -- --users N --comments M --adoptions K [--iterations I] [--replace]
  LEGACY_DATABASE_URL (default: database "legacy" of the system npm start runs)
  DYNAMODB_ENDPOINT, AWS_REGION, MYSFITS_TABLE: where the mysfits are (default: the system's)`;

const settings = z.object({
  users: z.coerce.number().int().min(1).max(10_000_000),
  comments: z.coerce.number().int().min(0).max(100_000_000),
  adoptions: z.coerce.number().int().min(0),
  iterations: z.coerce.number().int().min(1).max(10_000_000),
  LEGACY_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional(),
  ...dynamoDbEnv.shape,
  MYSFITS_TABLE: z.string().min(3).default('Mysfits'),
});
type Settings = z.output<typeof settings>;

/** How many hashes are computed at once; node:crypto runs them on libuv's thread pool. */
const HASHING_CONCURRENCY = 8;
const COMMENT_CHUNK = 250_000;

/**
 * `npm run legacy:seed`: creates the monolith's database as it was before the split (its own migrations)
 * and fills it at any scale: users `legacy-<n>@example.com` with the password `legacy password <n>`,
 * hashed as Django does, comments and adoptions of the real mysfits, and a few awkward rows on purpose.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      users: { type: 'string', default: '1000' },
      comments: { type: 'string', default: '10000' },
      adoptions: { type: 'string', default: '6' },
      iterations: { type: 'string', default: String(SEED_ITERATIONS) },
      replace: { type: 'boolean', default: false },
    },
  });
  const { replace, ...counts } = values;
  const options = parseEnv('legacy:seed', settings, { ...process.env, ...counts });
  let url = options.LEGACY_DATABASE_URL;
  let endpoint = options.DYNAMODB_ENDPOINT;
  if (url === undefined) {
    const local = localSystem(process.env);
    url = local.databaseUrl('legacy');
    endpoint ??= local.dynamodbEndpoint;
  }
  const mysfits = new MysfitsTable({
    region: options.AWS_REGION,
    endpoint,
    tableName: options.MYSFITS_TABLE,
  });
  let mysfitIds: string[];
  try {
    mysfitIds = (await mysfits.flags()).map((flag) => flag.mysfitId);
  } finally {
    mysfits.destroy();
  }
  if (mysfitIds.length === 0)
    throw new Error(`The table ${options.MYSFITS_TABLE} has no mysfits to adopt or comment on`);
  if (options.adoptions > mysfitIds.length) {
    throw new Error(`--adoptions ${options.adoptions}: there are only ${mysfitIds.length} mysfits to adopt`);
  }

  const admin = new URL(url);
  const database = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  await ensureDatabase(admin.toString(), database);
  await migrateDatabase(
    legacyDataSourceOptions({ DATABASE_URL: url, DATABASE_IAM_AUTH: false, AWS_REGION: options.AWS_REGION }),
  );

  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await seed(client, options, mysfitIds, replace);
  } finally {
    await client.end();
  }
}

async function countOf(client: Client, sql: string): Promise<number> {
  const { rows } = await client.query<{ count: string }>(sql);
  return Number(rows[0].count);
}

async function seed(client: Client, options: Settings, mysfitIds: string[], replace: boolean): Promise<void> {
  const existing = await countOf(client, 'SELECT count(*) FROM accounts_user');
  if (existing > 0 && !replace) {
    throw new Error(`The legacy database already has ${existing} users: pass --replace to empty it first`);
  }
  await client.query('TRUNCATE accounts_user, mysfits_adoption, mysfits_comment');
  const started = performance.now();
  const log = (line: string) =>
    process.stdout.write(`${line} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);

  const users = await insertUsers(client, options);
  log(
    `${options.users} users, hashed with ${options.iterations} PBKDF2 iterations, plus the twin of ${users.twin.email}`,
  );

  const awkward = await insertAwkwardComments(client, users, mysfitIds, options.comments);
  const regular = options.comments - awkward;
  const authors = [...users.regularIds, users.twin.id];
  for (let first = 1; first <= regular; first += COMMENT_CHUNK) {
    const last = Math.min(regular, first + COMMENT_CHUNK - 1);
    await client.query(
      `INSERT INTO mysfits_comment (id, mysfit_id, user_id, content, stars, created_at)
       SELECT gen_random_uuid(), ($1::uuid[])[1 + i % $2], ($3::uuid[])[1 + (i::bigint * 7919) % $4],
              format('Comment %s: %s', i, (ARRAY['What a face!', 'Adopt me instead.', 'Seen better, seen worse.', 'Ten stars if I could.'])[1 + i % 4]),
              ((i * 37) % 51) / 10.0, now() - make_interval(mins => i)
       FROM generate_series($5::int, $6::int) AS i`,
      [mysfitIds, mysfitIds.length, authors, authors.length, first, last],
    );
    log(`${last + awkward}/${options.comments} comments`);
  }

  // The twin adopts the first mysfit, the account to be deleted the last one; the others go to regular users.
  const adopters = [
    users.twin.id,
    ...Array.from({ length: options.adoptions }, (_, i) => users.regularIds[(i * 13) % users.regularIds.length]),
  ];
  for (let i = 0; i < options.adoptions; i++) {
    await client.query('INSERT INTO mysfits_adoption (mysfit_id, user_id, adopted_at) VALUES ($1, $2, $3)', [
      mysfitIds[i],
      adopters[i],
      new Date(Date.UTC(2021, 0, 1 + i)),
    ]);
  }
  if (options.adoptions < mysfitIds.length) {
    await client.query('INSERT INTO mysfits_adoption (mysfit_id, user_id) VALUES ($1, $2)', [
      mysfitIds[mysfitIds.length - 1],
      users.deleted.id,
    ]);
  }
  // Deleting an account takes its adoptions with it and leaves its comments without an author.
  await client.query('DELETE FROM accounts_user WHERE id = $1', [users.deleted.id]);
  await client.query('ANALYZE accounts_user, mysfits_adoption, mysfits_comment');
  const orphans = await countOf(client, 'SELECT count(*) FROM mysfits_comment WHERE user_id IS NULL');
  log(`${options.adoptions} adoptions; ${orphans} comments whose author was deleted`);
  process.stdout.write(
    `\nLegacy database ready. After npm run migrate:split, log in as legacy-1@example.com with "legacy password 1".\n`,
  );
}

interface SeededUser {
  id: string;
  email: string;
}

/** legacy-1 … legacy-N, then a twin of legacy-1 (its email in capitals, never logged in) and one to delete. */
async function insertUsers(client: Client, options: Settings) {
  const regularIds = Array.from({ length: options.users }, () => randomUUID());
  const twin: SeededUser = { id: randomUUID(), email: 'LEGACY-1@Example.COM' };
  const deleted: SeededUser = { id: randomUUID(), email: 'legacy-deleted@example.com' };
  const joined = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 60_000).toISOString();
  const rows = async function* () {
    for (let first = 0; first < options.users; first += HASHING_CONCURRENCY) {
      const batch = regularIds.slice(first, first + HASHING_CONCURRENCY);
      const lines = await Promise.all(
        batch.map(async (id, offset) => {
          const n = first + offset + 1;
          const hash = await djangoPasswordHash(`legacy password ${n}`, options.iterations);
          // Every seventh name carries an emoji; every third user never logged in.
          const name = n % 7 === 0 ? `Légacy ${n} 🦄` : `Legacy ${n}`;
          const lastLogin = n % 3 === 0 ? '\\N' : new Date(Date.UTC(2024, 0, 1) + n * 1_000).toISOString();
          return `${id}\tlegacy-${n}@example.com\t${hash}\t${name}\t${joined(n)}\t${lastLogin}\n`;
        }),
      );
      yield lines.join('');
    }
    for (const [user, name] of [
      [twin, 'Legacy 1 (second account) 👯'],
      [deleted, 'Soon Gone 🫥'],
    ] as const) {
      const hash = await djangoPasswordHash('legacy password 0', options.iterations);
      yield `${user.id}\t${user.email}\t${hash}\t${name}\t${joined(options.users + 1)}\t\\N\n`;
    }
  };
  await pipeline(
    Readable.from(rows()),
    client.query(
      copyFrom('COPY accounts_user (id, email, password, display_name, date_joined, last_login) FROM STDIN'),
    ),
  );
  return { regularIds, twin, deleted };
}

/**
 * The longest comment the monolith allowed (200 characters, some of them emoji, tabs, a newline and a
 * backslash, which COPY must escape), two by the account about to be deleted, one by the twin.
 */
async function insertAwkwardComments(
  client: Client,
  users: { regularIds: string[]; twin: SeededUser; deleted: SeededUser },
  mysfitIds: string[],
  comments: number,
): Promise<number> {
  const head = 'The longest comment allowed:\ttabs,\na newline, a backslash \\ and "quotes", then emoji: ';
  const longest = head + '🦄'.repeat(200 - Array.from(head).length);
  const awkward: [string, string][] = [
    [users.regularIds[0], longest],
    [users.deleted.id, 'Written by an account that was deleted later.'],
    [users.deleted.id, 'Its author is gone, the comment stays.'],
    [users.twin.id, 'Written from my second account, the one with the capital email.'],
  ];
  const kept = awkward.slice(0, comments);
  for (const [index, [userId, content]] of kept.entries()) {
    await client.query(
      'INSERT INTO mysfits_comment (id, mysfit_id, user_id, content, stars) VALUES ($1, $2, $3, $4, $5)',
      [randomUUID(), mysfitIds[index % mysfitIds.length], userId, content, 5],
    );
  }
  return kept.length;
}

main().catch((error: unknown) => {
  process.stderr.write(`legacy:seed: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
