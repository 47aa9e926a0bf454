import { DataSource, DataSourceOptions } from 'typeorm';
import { ConfigError } from '@app/config-kit';

/** Any fixed number will do: it names the lock every migrate command of this repository takes. */
const MIGRATION_LOCK = 1_732_300_000;

/**
 * Applies the pending migrations of one database and returns their names. Pods rolling out together
 * run this at the same time: an advisory lock makes the others wait, then find nothing left to do.
 */
export async function migrateDatabase(options: DataSourceOptions): Promise<string[]> {
  const dataSource = await new DataSource(options).initialize();
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
