import { startTestEngines, TestEngines } from './engines';

declare global {
  var e2eEngines: TestEngines | undefined;
}

export default async function globalSetup(): Promise<void> {
  const engines = await startTestEngines();
  globalThis.e2eEngines = engines;
  process.env.E2E_POSTGRES_ADMIN_URL = engines.postgresAdminUrl;
  process.env.E2E_DYNAMODB_ENDPOINT = engines.dynamodbEndpoint;
  process.stdout.write(`\ne2e databases: ${engines.kind} (Postgres and DynamoDB Local)\n`);
}
