import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '../../tools/engines/databases';

function adminUrl(): string {
  const url = process.env.E2E_POSTGRES_ADMIN_URL;
  if (!url)
    throw new Error(
      'E2E_POSTGRES_ADMIN_URL is not set: run e2e tests through jest (global setup starts the databases)',
    );
  return url;
}

/** A fresh, empty database for one test file, on the engines the global setup started. */
export async function freshDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl(), name);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function dynamoDbEndpoint(): string {
  const endpoint = process.env.E2E_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('E2E_DYNAMODB_ENDPOINT is not set: run e2e tests through jest');
  return endpoint;
}

/** Table names no other test file uses. */
export function uniqueTableNames(): { MYSFITS_TABLE: string; LIKES_TABLE: string } {
  const suffix = randomBytes(4).toString('hex');
  return { MYSFITS_TABLE: `Mysfits-${suffix}`, LIKES_TABLE: `MysfitLikes-${suffix}` };
}
