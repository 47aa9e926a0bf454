import { Client } from 'pg';
import { postgresClientConfig, type PostgresEnv } from '@app/database';
import { LEGACY_SCHEMA_VERSION, legacySchemaVersion } from '../legacy/legacy-database';
import { MysfitFlag, MysfitsTable, MysfitsTableSettings } from '../legacy/mysfits-table';
import { FlagPlan, planFlags } from './adoption-flags';
import { createCheckpointTable } from './checkpoints';
import { copyTable } from './copy-table';
import { readPolicy, SplitPolicy, uuidArray } from './policy';
import { checksum, checkTarget, TableChecksum } from './preflight';
import { Progress } from './progress';
import { maskUrl, SplitRefusal } from './refusal';
import { ADOPTIONS, SPLIT_TABLES, SplitTable, targetRows } from './tables';
import { migrateTargets } from './target-migrations';

export interface SplitOptions {
  legacyUrl: string;
  authUrl: string;
  appUrl: string;
  dynamodb: MysfitsTableSettings;
  batchSize: number;
  dryRun: boolean;
  /** Sign in to auth's and the app's databases with RDS IAM tokens (in dynamodb.region), as the apps do on EKS. */
  iamAuthentication: boolean;
  /** The environment of the apps' migrate commands (DATABASE_URL is set for each). */
  migrationEnv: NodeJS.ProcessEnv;
  progress: Progress;
}

export interface TableReport {
  label: string;
  /** Legacy rows after the policy: what the target must hold. */
  legacyRows: number;
  /** Rows earlier runs had copied. */
  alreadyCopied: number;
  copiedNow: number;
  seconds: number;
  verification?: { legacy: TableChecksum; target: TableChecksum };
}

export interface SplitReport {
  dryRun: boolean;
  tables: TableReport[];
  merges: SplitPolicy['merges'];
  /** Adoptions and comments of merged accounts, now attributed to the account they were merged into. */
  reattributed: { adoptions: number; comments: number };
  /** Comments whose author was deleted in the monolith. */
  orphanComments: number;
  flags: FlagPlan & { flagsAfter?: FlagPlan };
  verified: boolean;
  seconds: number;
}

/**
 * Copies the legacy database into auth's and the app's: checks every input before writing anything,
 * runs the apps' migrations, copies each table in checkpointed COPY batches, sets DynamoDB's adoption
 * flags, then compares counts and checksums of every table. Reading the legacy database in one
 * repeatable-read transaction gives every step the same snapshot of it.
 */
export async function split(options: SplitOptions): Promise<SplitReport> {
  const started = performance.now();
  const mysfits = new MysfitsTable(options.dynamodb);
  const clients: Client[] = [];
  try {
    const database = (url: string, iamAuthentication: boolean): PostgresEnv => ({
      DATABASE_URL: url,
      DATABASE_IAM_AUTH: iamAuthentication,
      AWS_REGION: options.dynamodb.region,
    });
    // The legacy database is the monolith's own, reached with the credentials in its URL.
    const source = await connect('legacy', database(options.legacyUrl, false), clients);
    const auth = await connect('auth', database(options.authUrl, options.iamAuthentication), clients);
    const app = await connect('app', database(options.appUrl, options.iamAuthentication), clients);
    const targetOf = (table: SplitTable) => (table.target === 'auth' ? auth : app);
    const flags = await readFlags(mysfits, options.dynamodb);

    const version = await legacySchemaVersion(source);
    if (version !== LEGACY_SCHEMA_VERSION) {
      throw new SplitRefusal(
        `The legacy database's schema is at version ${version}; this split reads version ${LEGACY_SCHEMA_VERSION} only`,
      );
    }
    await source.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const policy = await readPolicy(source);

    const plans: { table: SplitTable; rows: string; report: TableReport; after?: string }[] = [];
    for (const table of SPLIT_TABLES) {
      const rows = table.legacyRows(policy);
      const checkpoint = await checkTarget(table, rows, source, targetOf(table));
      const legacyRows = await count(source, rows);
      plans.push({
        table,
        rows,
        after: checkpoint?.lastKey,
        report: {
          label: `${table.target}.${table.name}`,
          legacyRows,
          alreadyCopied: checkpoint?.rowsCopied ?? 0,
          copiedNow: 0,
          seconds: 0,
        },
      });
    }
    const losers = uuidArray(policy.merges.map((merge) => merge.legacyId));
    const report: SplitReport = {
      dryRun: options.dryRun,
      tables: plans.map((plan) => plan.report),
      merges: policy.merges,
      reattributed: {
        adoptions: await count(source, `SELECT 1 FROM mysfits_adoption WHERE user_id = ANY (${losers})`),
        comments: await count(source, `SELECT 1 FROM mysfits_comment WHERE user_id = ANY (${losers})`),
      },
      orphanComments: await count(source, 'SELECT 1 FROM mysfits_comment WHERE user_id IS NULL'),
      flags: planFlags(flags, await keys(source, ADOPTIONS.legacyRows(policy), ADOPTIONS.key)),
      verified: false,
      seconds: 0,
    };
    if (options.dryRun) return { ...report, seconds: (performance.now() - started) / 1000 };

    await migrateTargets({ auth: options.authUrl, app: options.appUrl }, options.migrationEnv);
    for (const client of [auth, app]) await createCheckpointTable(client);
    for (const plan of plans) {
      const tableStarted = performance.now();
      const progress = options.progress(plan.report.label, plan.report.legacyRows, plan.report.alreadyCopied);
      plan.report.copiedNow = await copyTable({
        table: plan.table,
        legacyRows: plan.rows,
        source,
        target: targetOf(plan.table),
        after: plan.after,
        batchSize: options.batchSize,
        onBatch: (rows) => progress.advance(rows),
      });
      progress.end();
      plan.report.seconds = (performance.now() - tableStarted) / 1000;
    }

    const adopted = await keys(app, targetRows(ADOPTIONS), ADOPTIONS.key);
    for (const change of planFlags(await mysfits.flags(), adopted).changes) {
      await mysfits.setAdopted(change.mysfitId, change.adopted);
    }

    for (const plan of plans) {
      const [legacy, copied] = await Promise.all([
        checksum(source, plan.rows, plan.table.key),
        checksum(targetOf(plan.table), targetRows(plan.table), plan.table.key),
      ]);
      plan.report.verification = { legacy, target: copied };
    }
    const flagsAfter = planFlags(await mysfits.flags(), await keys(app, targetRows(ADOPTIONS), ADOPTIONS.key));
    await source.query('COMMIT');
    const tablesAgree = report.tables.every(
      ({ verification: v }) => v && v.legacy.rows === v.target.rows && v.legacy.checksum === v.target.checksum,
    );
    return {
      ...report,
      flags: { ...report.flags, flagsAfter },
      verified: tablesAgree && flagsAfter.changes.length === 0 && flagsAfter.unknown.length === 0,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    mysfits.destroy();
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

async function connect(role: string, database: PostgresEnv, clients: Client[]): Promise<Client> {
  try {
    const client = new Client({ ...postgresClientConfig(database), connectionTimeoutMillis: 5_000 });
    // A failed connection still counts as a client to end: pg keeps its socket until then.
    clients.push(client);
    await client.connect();
    // Row texts, and so checksums, must not depend on each server's time zone.
    await client.query(`SET TimeZone = 'UTC'`);
    return client;
  } catch (error) {
    throw new SplitRefusal(
      `Cannot reach the ${role} database at ${maskUrl(database.DATABASE_URL)}: ${(error as Error).message}`,
    );
  }
}

async function readFlags(mysfits: MysfitsTable, settings: MysfitsTableSettings): Promise<MysfitFlag[]> {
  try {
    return await mysfits.flags();
  } catch (error) {
    const where = settings.endpoint ?? `DynamoDB in ${settings.region}`;
    throw new SplitRefusal(
      `Cannot read the DynamoDB table ${settings.tableName} at ${where}: ${(error as Error).message}`,
    );
  }
}

async function count(client: Client, rows: string): Promise<number> {
  return Number((await client.query<{ count: string }>(`SELECT count(*) FROM (${rows}) r`)).rows[0].count);
}

async function keys(client: Client, rows: string, key: string): Promise<string[]> {
  return (await client.query<{ key: string }>(`SELECT r.${key}::text AS key FROM (${rows}) r`)).rows.map(
    (row) => row.key,
  );
}
