import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postgresUrl } from '../engines/databases';
import { portsFromEnv } from './ports';
import { localDataDir } from './repo';
import type { LocalSecrets } from './secrets';

/** The PostgreSQL user `npm start` creates; its password is in the data folder's secrets.json. */
export const LOCAL_POSTGRES_USER = 'mysfits';

/** Addresses of the system `npm start` runs, for the tools that work beside it (legacy:seed, migrate:split). */
export interface LocalSystem {
  databaseUrl(database: string): string;
  dynamodbEndpoint: string;
}

/** Throws when `npm start` has never run here, since the database password is only known once it has. */
export function localSystem(env: NodeJS.ProcessEnv): LocalSystem {
  const secretsFile = join(localDataDir(env), 'secrets.json');
  if (!existsSync(secretsFile)) {
    throw new Error(`No local system: ${secretsFile} is missing; run npm start first, or give every URL`);
  }
  const { postgresPassword } = JSON.parse(readFileSync(secretsFile, 'utf8')) as LocalSecrets;
  const ports = portsFromEnv(env);
  return {
    databaseUrl: (database) =>
      postgresUrl({ user: LOCAL_POSTGRES_USER, password: postgresPassword, port: ports.postgres }, database),
    dynamodbEndpoint: `http://127.0.0.1:${ports.dynamodb}`,
  };
}
