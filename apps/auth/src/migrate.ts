import { z } from 'zod';
import { parseEnv, secret } from '@app/config-kit';
import { migrateDatabase, runCommand } from '@app/database';
import { authDataSourceOptions } from './database/auth-data-source.options';

runCommand('auth-migrate', async () => {
  const { DATABASE_URL } = parseEnv('auth', z.object({ DATABASE_URL: secret }), process.env);
  return { applied: await migrateDatabase(authDataSourceOptions(DATABASE_URL)) };
});
