import { DataSource, DataSourceOptions } from 'typeorm';

/** Applies the pending migrations of one database and returns their names. */
export async function migrateDatabase(options: DataSourceOptions): Promise<string[]> {
  const dataSource = await new DataSource(options).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Entry point of a `migrate.js` command: runs `task`, prints one JSON line, and exits non-zero on
 * failure so that an init container or CI step stops the rollout.
 */
export function runCommand(name: string, task: () => Promise<Record<string, unknown>>): void {
  task().then(
    (result) => {
      process.stdout.write(`${JSON.stringify({ level: 'info', command: name, ...result })}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${JSON.stringify({ level: 'error', command: name, error: String(error) })}\n`);
      process.exit(1);
    },
  );
}
