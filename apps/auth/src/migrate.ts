import { parseEnv } from '@app/config-kit';
import { migrateDatabase, postgresEnv, runCommand } from '@app/database';
import { authDataSourceOptions } from './database';

runCommand('auth-migrate', async () => {
  const connection = parseEnv('auth', postgresEnv, process.env);
  return { applied: await migrateDatabase(authDataSourceOptions(connection)) };
});
