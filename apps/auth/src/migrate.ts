import { z } from 'zod';
import { awsRegion, parseEnv } from '@app/config-kit';
import { databaseEnv, migrateDatabase, runCommand } from '@app/database';
import { authDataSourceOptions } from './database/auth-data-source.options';

runCommand('auth-migrate', async () => {
  const connection = parseEnv('auth', z.object({ ...databaseEnv, AWS_REGION: awsRegion }), process.env);
  return { applied: await migrateDatabase(authDataSourceOptions(connection)) };
});
