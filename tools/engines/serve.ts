import { startScratchEngines } from './scratch-engines';

/**
 * Starts a throwaway PostgreSQL and an in-memory DynamoDB Local on free ports, prints one JSON line
 * with their addresses, and stops both (deleting the data) on SIGTERM, SIGINT or when stdin closes.
 * The e2e tests use it when no container engine is available.
 */
async function main(): Promise<void> {
  const engines = await startScratchEngines('engines');
  const { postgres, dynamodb } = engines;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await engines.stop();
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
