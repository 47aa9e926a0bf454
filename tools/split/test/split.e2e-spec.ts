import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { dynamoDbEndpoint, freshDatabase, uniqueTableNames } from '../../../test/support/databases';
import { TEST_ISSUER, TestKeys } from '../../../test/support/test-keys';
import { freePort, freePorts } from '../../engines/ports';
import { AppProcess, startApp } from '../../launcher/app-process';
import { repoRoot } from '../../launcher/repo';
import { MysfitsTable } from '../../legacy/mysfits-table';

/**
 * The split as `npm run migrate:split` runs it (the built CLI, a process of its own), on real PostgreSQL
 * databases and DynamoDB Local; then the built auth and monolith on the databases it filled.
 */
// Each test runs processes or many password checks, on a machine that may be busy.
jest.setTimeout(60_000);

const dist = join(repoRoot(), 'dist');
const tables = uniqueTableNames();
const USERS = 40;
const COMMENTS = 30_000;
const ADOPTIONS = 5;
const urls = { legacy: '', auth: '', app: '' };
const db: Record<keyof typeof urls, Client> = {} as never;
let env: NodeJS.ProcessEnv;
let mysfits: MysfitsTable;

beforeAll(async () => {
  for (const name of Object.keys(urls) as (keyof typeof urls)[]) {
    urls[name] = await freshDatabase(`split_${name}`);
    db[name] = new Client({ connectionString: urls[name] });
    await db[name].connect();
  }
  env = {
    PATH: process.env.PATH,
    ...tables,
    DYNAMODB_ENDPOINT: dynamoDbEndpoint(),
    AWS_REGION: 'us-east-1',
  };
  // The new system as deployed before the cut-over: the mysfits table with its 12 mysfits, nothing adopted.
  await promisify(execFile)(process.execPath, [join(dist, 'apps', 'monolith', 'src', 'migrate.js')], {
    env: { ...env, DATABASE_URL: urls.app, DYNAMODB_CREATE_TABLES: 'true' },
  });
  await promisify(execFile)(
    process.execPath,
    [
      join(dist, 'tools', 'legacy', 'seed.js'),
      `--users=${USERS}`,
      `--comments=${COMMENTS}`,
      `--adoptions=${ADOPTIONS}`,
    ],
    { env: { ...env, LEGACY_DATABASE_URL: urls.legacy } },
  );
  mysfits = new MysfitsTable({ region: 'us-east-1', endpoint: dynamoDbEndpoint(), tableName: tables.MYSFITS_TABLE });
}, 180_000);

afterAll(async () => {
  mysfits?.destroy();
  await Promise.all(Object.values(db).map((client) => client?.end()));
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function splitArgs(extra: string[] = [], overrides: Partial<typeof urls> = {}): string[] {
  const { legacy, auth, app } = { ...urls, ...overrides };
  return [join(dist, 'tools', 'split', 'main.js'), '--from', legacy, '--auth', auth, '--app', app, ...extra];
}

function runNode(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...env, ...extraEnv } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

function runSplit(extra: string[] = [], overrides: Partial<typeof urls> = {}): Promise<Run> {
  return runNode(splitArgs(extra, overrides));
}

async function one<T>(client: Client, sql: string, params: unknown[] = []): Promise<T> {
  return Object.values((await client.query(sql, params)).rows[0])[0] as T;
}

/** Everything the split may write: both target databases' tables and checkpoints, and the flags. */
async function targetState() {
  const tableState = async (client: Client, table: string) =>
    (await client.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table])).rows[0].exists
      ? one<string>(
          client,
          `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '' ORDER BY t::text)), '') FROM ${table} t`,
        )
      : 'no table';
  return {
    users: await tableState(db.auth, 'users'),
    adoptions: await tableState(db.app, 'adoptions'),
    comments: await tableState(db.app, 'comments'),
    authCheckpoints: await tableState(db.auth, 'legacy_split_checkpoints'),
    appCheckpoints: await tableState(db.app, 'legacy_split_checkpoints'),
    flags: await mysfits.flags(),
  };
}

describe('bad input: one line, exit 2, nothing written', () => {
  let before: Awaited<ReturnType<typeof targetState>>;
  beforeAll(async () => {
    before = await targetState();
  }, 60_000);
  afterEach(async () => expect(await targetState()).toEqual(before), 60_000);

  it('an unreachable database', async () => {
    const run = await runSplit([], { legacy: `postgres://nobody:secret@127.0.0.1:${await freePort()}/legacy` });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(
      /^migrate:split: Cannot reach the legacy database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:\d+\/legacy: connect ECONNREFUSED .*; nothing was written\n$/,
    );
  });

  it('an unreachable DynamoDB', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const result = await runNode(splitArgs(), { DYNAMODB_ENDPOINT: endpoint });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^migrate:split: Cannot read the DynamoDB table ${tables.MYSFITS_TABLE} at ${endpoint}: .*; nothing was written\n$`,
      ),
    );
  });

  it('a legacy schema at a version it does not know', async () => {
    await db.legacy.query(
      `INSERT INTO migrations (timestamp, name) VALUES (1600000000000, 'AddNicknames1600000000000')`,
    );
    try {
      const run = await runSplit();
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^migrate:split: The legacy database's schema is at version unknown \(applied: .*AddNicknames1600000000000\); this split reads version IndexCommentAuthorsAndEmails1500000000001 only; nothing was written\n$/,
      );
    } finally {
      await db.legacy.query(`DELETE FROM migrations WHERE name = 'AddNicknames1600000000000'`);
    }
  });

  it('a target that already holds different data for the same ids', async () => {
    await promisify(execFile)(process.execPath, [join(dist, 'apps', 'auth', 'src', 'migrate.js')], {
      env: { ...env, DATABASE_URL: urls.auth },
    });
    before = await targetState();
    const legacy2 = await one<string>(db.legacy, `SELECT id FROM accounts_user WHERE email = 'legacy-2@example.com'`);
    await db.auth.query(
      `INSERT INTO users (id, email, password_hash, display_name) VALUES ($1, 'legacy-2@example.com', 'x', 'Someone else')`,
      [legacy2],
    );
    try {
      const run = await runSplit();
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `migrate:split: auth.users already holds different data for the same ids as the legacy database (1 of the 1 rows checked, first ${legacy2}); nothing was written\n`,
      );
    } finally {
      await db.auth.query('DELETE FROM users WHERE id = $1', [legacy2]);
    }
  });

  it('some database URLs but not all', async () => {
    const result = await runNode([join(dist, 'tools', 'split', 'main.js'), '--from', urls.legacy]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^migrate:split: Give every database URL or none .*missing: --auth \(AUTH_DATABASE_URL\), --app/,
    );
  });

  it('reports what it would copy on a dry run', async () => {
    const run = await runSplit(['--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was written.');
    expect(run.stdout).toMatch(
      new RegExp(`app.comments +${COMMENTS.toLocaleString('en-US')} legacy rows, 0 copied before`),
    );
    expect(run.stdout).toMatch(/Accounts: 1 whose email differs only in case/);
    expect(run.stdout).toMatch(
      new RegExp(`DynamoDB: 12 mysfits, ${ADOPTIONS} adopted; ${ADOPTIONS} Adopted flags would change`),
    );
  });
});

describe('split, killed mid-table, resumed, re-run', () => {
  const checkpoint = async () =>
    db.app
      .query<{ rows_copied: string }>(`SELECT rows_copied FROM legacy_split_checkpoints WHERE table_name = 'comments'`)
      .then((result) => Number(result.rows[0]?.rows_copied ?? 0));

  it('stops where it is killed, with each committed batch and its checkpoint together', async () => {
    const child = spawn(process.execPath, splitArgs(['--batch-size', '500']), {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    // Killed as soon as a checkpoint of the comments is reported, while most of them are still to copy.
    for await (const line of createInterface({ input: child.stdout })) {
      const progress = /^app\.comments: (\d+)\/(\d+) rows/.exec(line);
      if (progress && Number(progress[1]) > 0) {
        child.kill('SIGKILL');
        break;
      }
    }
    expect(await exited).toBe('SIGKILL');
    const copied = await checkpoint();
    expect(copied).toBeGreaterThan(0);
    expect(copied).toBeLessThan(COMMENTS);
    expect(await one<string>(db.app, 'SELECT count(*) FROM comments')).toBe(String(copied));
  }, 120_000);

  let firstSplit: Awaited<ReturnType<typeof targetState>>;

  it('resumes from the checkpoints and verifies every table', async () => {
    const copiedBefore = await checkpoint();
    const run = await runSplit();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Split and verified');
    const line = run.stdout.split('\n').find((text) => text.trimStart().startsWith('app.comments '));
    expect(line?.trim().split(/\s+/).slice(1, 4)).toEqual(
      [COMMENTS, copiedBefore, COMMENTS - copiedBefore].map((value) => value.toLocaleString('en-US')),
    );
    expect(run.stdout.match(/ ok$/gm)).toHaveLength(3);
    firstSplit = await targetState();
  }, 120_000);

  it('moved every row, by the policy for the awkward ones', async () => {
    // Counts and contents equal, checked here independently of the split's own checksums.
    const legacyComments = await db.legacy.query(
      `SELECT id, mysfit_id, user_id, content, stars::text, created_at FROM mysfits_comment ORDER BY id`,
    );
    const appComments = await db.app.query(
      `SELECT id, mysfit_id, user_id, content, stars::text, created_at FROM comments ORDER BY id`,
    );
    expect(appComments.rows).toHaveLength(COMMENTS);
    const legacy1 = await one<string>(db.legacy, `SELECT id FROM accounts_user WHERE email = 'legacy-1@example.com'`);
    const twin = await one<string>(db.legacy, `SELECT id FROM accounts_user WHERE email = 'LEGACY-1@Example.COM'`);
    const expected = legacyComments.rows.map((row) => ({
      ...row,
      user_id: row.user_id === twin ? legacy1 : (row.user_id ?? '00000000-0000-0000-0000-000000000000'),
    }));
    expect(appComments.rows).toEqual(expected);
    const longest = appComments.rows.find((row) => [...row.content].length === 200);
    expect(longest?.content).toMatch(
      /^The longest comment allowed:\ttabs,\na newline, a backslash \\ and "quotes", then emoji: 🦄+$/u,
    );

    const users = await db.auth.query(`SELECT id, email, password_hash, display_name FROM users ORDER BY id`);
    const legacyUsers = await db.legacy.query(
      `SELECT id, email, password AS password_hash, display_name FROM accounts_user WHERE id <> $1 ORDER BY id`,
      [twin],
    );
    expect(users.rows).toEqual(legacyUsers.rows);
    expect(users.rows.some((user) => user.display_name.includes('🦄'))).toBe(true);
    const ownedInLegacy = await one<string>(
      db.legacy,
      'SELECT count(*) FROM mysfits_adoption WHERE user_id IN ($1, $2)',
      [legacy1, twin],
    );
    expect(ownedInLegacy).not.toBe('0');
    expect(await one<string>(db.app, 'SELECT count(*) FROM adoptions WHERE user_id = $1', [legacy1])).toBe(
      ownedInLegacy,
    );
  });

  it('set the Adopted flags to agree with the adoptions', async () => {
    const adopted = (await db.app.query<{ mysfit_id: string }>('SELECT mysfit_id FROM adoptions ORDER BY mysfit_id'))
      .rows;
    expect(adopted).toHaveLength(ADOPTIONS);
    const flags = await mysfits.flags();
    expect(flags).toHaveLength(12);
    expect(flags.filter((flag) => flag.adopted).map((flag) => flag.mysfitId)).toEqual(
      adopted.map((row) => row.mysfit_id),
    );
  });

  it('changes nothing when run again', async () => {
    const run = await runSplit();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/app\.comments +30,000 +30,000 +0 /);
    expect(run.stdout).toContain('0 Adopted flags set');
    expect(await targetState()).toEqual(firstSplit);
  }, 120_000);

  describe('the services on the split data', () => {
    const keys = new TestKeys();
    const apps: AppProcess[] = [];
    const base = { auth: '', monolith: '' };
    const logs = mkdtempSync(join(tmpdir(), 'split-apps-'));

    beforeAll(async () => {
      const [authPort, grpcPort, monolithPort, authAdminPort, monolithAdminPort] = await freePorts(5);
      // Each app answers /health/* on a management port of its own (ADMIN_PORT).
      base.auth = `http://127.0.0.1:${authPort}`;
      base.monolith = `http://127.0.0.1:${monolithPort}`;
      const common = {
        ...env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        JWT_ISSUER: TEST_ISSUER,
        AUTH_JWKS_URL: `${base.auth}/auth/.well-known/jwks.json`,
        AUTH_GRPC_URL: `127.0.0.1:${grpcPort}`,
      };
      apps.push(
        await startApp({
          name: 'auth',
          entry: join(dist, 'apps', 'auth', 'src', 'main.js'),
          env: {
            ...common,
            PORT: String(authPort),
            ADMIN_PORT: String(authAdminPort),
            GRPC_PORT: String(grpcPort),
            DATABASE_URL: urls.auth,
            JWT_PRIVATE_KEY: keys.pem(),
            SERVICE_CLIENTS: 'like:split-test-secret',
          },
          logFile: join(logs, 'auth.log'),
          readyUrl: `http://127.0.0.1:${authAdminPort}/health/ready`,
        }),
      );
      apps.push(
        await startApp({
          name: 'monolith',
          entry: join(dist, 'apps', 'monolith', 'src', 'main.js'),
          env: { ...common, PORT: String(monolithPort), ADMIN_PORT: String(monolithAdminPort), DATABASE_URL: urls.app },
          logFile: join(logs, 'monolith.log'),
          readyUrl: `http://127.0.0.1:${monolithAdminPort}/health/ready`,
        }),
      );
    }, 120_000);

    afterAll(async () => {
      for (const app of apps.reverse()) await app.stop();
      rmSync(logs, { recursive: true, force: true });
    });

    const login = (email: string, password: string) =>
      fetch(`${base.auth}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });

    it('log a legacy user in with the legacy password, then with argon2id', async () => {
      const response = await login('legacy-1@example.com', 'legacy password 1');
      expect(response.status).toBe(200);
      expect(
        await one<string>(db.auth, `SELECT password_hash FROM users WHERE email = 'legacy-1@example.com'`),
      ).toMatch(/^\$argon2id\$/);
      expect((await login('LEGACY-1@example.com', 'legacy password 1')).status).toBe(200);
      expect((await login('legacy-2@example.com', 'legacy password 1')).status).toBe(401);
    });

    it('name the authors of comments through auth over gRPC, and none for the deleted one', async () => {
      const names = new Map(
        (
          await db.legacy.query<{ id: string; display_name: string }>('SELECT id, display_name FROM accounts_user')
        ).rows.map((user) => [user.id, user.display_name]),
      );
      const byMysfit = await db.legacy.query<{ mysfit_id: string }>(
        `SELECT DISTINCT mysfit_id FROM mysfits_comment WHERE user_id IS NULL OR content LIKE 'The longest%'`,
      );
      const seen: { authorId: string; authorName: string | null; content: string }[] = [];
      for (const { mysfit_id } of byMysfit.rows) {
        const response = await fetch(`${base.monolith}/mysfits/${mysfit_id}/comments`);
        expect(response.status).toBe(200);
        seen.push(...((await response.json()) as { comments: typeof seen }).comments);
      }
      const orphans = seen.filter((comment) => comment.authorId === '00000000-0000-0000-0000-000000000000');
      expect(orphans.map((comment) => comment.authorName)).toEqual([null, null]);
      const named = seen.filter((comment) => names.has(comment.authorId));
      expect(named.length).toBeGreaterThan(10);
      for (const comment of named) expect(comment.authorName).toBe(names.get(comment.authorId));
      expect(named.find((comment) => comment.content.startsWith('The longest'))?.authorName).toBe('Legacy 1');
    });

    it('show the adopted mysfits as adopted', async () => {
      const adopted = await one<string>(db.app, 'SELECT mysfit_id FROM adoptions LIMIT 1');
      const mysfit = await (await fetch(`${base.monolith}/mysfits/${adopted}`)).json();
      expect(mysfit).toMatchObject({ adopted: true });
    });
  });
});
