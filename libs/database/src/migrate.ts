import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ConfigError } from '@app/config-kit';
import { isUnreachableDependency } from '@app/errors';

/** Any fixed number will do: it names the lock every migrate command of this repository takes. */
const MIGRATION_LOCK = 1_732_300_000;

/**
 * Compose and Kubernetes start a migrate command beside its database, which may not accept connections yet
 * (still starting, its name not yet in DNS, or too slow to answer on a loaded host): connecting is tried
 * again for about half a minute before the command gives up. A failing migration is never tried again.
 */
const untilDatabaseAnswers = retry(handleWhen(isUnreachableDependency), {
  maxAttempts: 9,
  backoff: new ExponentialBackoff({ initialDelay: 500, maxDelay: 8_000 }),
});
untilDatabaseAnswers.onRetry((attempt) => {
  // handleWhen retries thrown errors only, never returned values.
  const { error } = attempt as { error: unknown };
  const notice = { level: 'warn', msg: 'the database does not answer yet', retryInMs: Math.round(attempt.delay) };
  process.stderr.write(`${JSON.stringify({ ...notice, error: String(error) })}\n`);
});

/**
 * Applies the pending migrations of one database and returns their names. Pods rolling out together
 * run this at the same time: an advisory lock makes the others wait, then find nothing left to do.
 */
export async function migrateDatabase(options: DataSourceOptions): Promise<string[]> {
  const dataSource = await untilDatabaseAnswers.execute(() => new DataSource(options).initialize());
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

/**
 * Entry point of a `migrate.js` command: runs `task`, prints one JSON line (one per bad variable when the
 * environment is wrong), and exits non-zero on failure so that an init container or CI step stops the
 * rollout.
 */
export function runCommand(name: string, task: () => Promise<Record<string, unknown>>): void {
  const fail = (fields: Record<string, unknown>) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', command: name, ...fields })}\n`);
  Promise.resolve()
    .then(task)
    .then(
      (result) => {
        process.stdout.write(`${JSON.stringify({ level: 'info', command: name, ...result })}\n`);
        process.exit(0);
      },
      (error: unknown) => {
        if (error instanceof ConfigError) {
          for (const { variable, problem } of error.problems) fail({ variable, error: `${variable} ${problem}` });
        } else {
          fail({ error: String(error) });
        }
        process.exit(1);
      },
    );
}
