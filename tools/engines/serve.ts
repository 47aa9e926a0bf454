import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from './dynamodb-local';
import { freePort } from './ports';
import { startEmbeddedPostgres } from './postgres';

/**
 * Starts a throwaway PostgreSQL and an in-memory DynamoDB Local on free ports, prints one JSON line
 * with their addresses, and stops both (deleting the data) on SIGTERM, SIGINT or when stdin closes.
 * The e2e tests use it when no container engine is available.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mysfits-engines-'));
  // Run as root, the server runs as a `postgres` user, which must be able to reach its data folder.
  chmodSync(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: await freePort(),
    user: 'engines',
    password: 'engines',
  });
  const dynamodb = await startDynamoDbLocal({ port: await freePort() }).catch(async (error: unknown) => {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([postgres.stop(), dynamodb.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop).resume();
  process.stdout.write(
    `${JSON.stringify({ postgresAdminUrl: postgres.url('postgres'), dynamodbEndpoint: dynamodb.endpoint })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
