import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../tools/engines/dynamodb-local';
import { freePort } from '../../tools/engines/ports';
import { startEmbeddedPostgres } from '../../tools/engines/postgres';

export interface TestEngines {
  kind: 'testcontainers' | 'embedded';
  /** URL of the `postgres` database, for creating one database per test file. */
  postgresAdminUrl: string;
  dynamodbEndpoint: string;
  stop(): Promise<void>;
}

/**
 * Real Postgres and DynamoDB for the e2e tests: containers (postgres:17-alpine, amazon/dynamodb-local)
 * when a container engine answers, otherwise the same embedded engines `npm start` uses.
 */
export async function startTestEngines(): Promise<TestEngines> {
  return (await containerEngineAvailable()) ? startContainers() : startEmbedded();
}

async function containerEngineAvailable(): Promise<boolean> {
  if (process.env.E2E_ENGINES === 'embedded') return false;
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<TestEngines> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [postgres, dynamodb] = await Promise.all([
    new PostgreSqlContainer('postgres:17-alpine').withDatabase('postgres').start(),
    new GenericContainer('amazon/dynamodb-local:latest')
      .withCommand(['-jar', 'DynamoDBLocal.jar', '-inMemory', '-sharedDb'])
      .withExposedPorts(8000)
      .withWaitStrategy(Wait.forListeningPorts())
      .start(),
  ]);
  return {
    kind: 'testcontainers',
    postgresAdminUrl: postgres.getConnectionUri(),
    dynamodbEndpoint: `http://${dynamodb.getHost()}:${dynamodb.getMappedPort(8000)}`,
    stop: async () => {
      await Promise.all([postgres.stop(), dynamodb.stop()]);
    },
  };
}

async function startEmbedded(): Promise<TestEngines> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mysfits-e2e-'));
  const [postgresPort, dynamodbPort] = [await freePort(), await freePort()];
  const [postgres, dynamodb] = await Promise.all([
    startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: postgresPort, user: 'e2e', password: 'e2e' }),
    startDynamoDbLocal({ port: dynamodbPort }),
  ]);
  return {
    kind: 'embedded',
    postgresAdminUrl: postgres.url('postgres'),
    dynamodbEndpoint: dynamodb.endpoint,
    stop: async () => {
      await Promise.all([postgres.stop(), dynamodb.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
