import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../../tools/launcher/repo';

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
    // The Alpine image has no locales, so initdb would otherwise pick SQL_ASCII, where a varchar's length
    // counts bytes; RDS and the embedded engine use UTF8, where it counts characters.
    new PostgreSqlContainer('postgres:17-alpine')
      .withDatabase('postgres')
      .withEnvironment({ POSTGRES_INITDB_ARGS: '--encoding=UTF8 --locale=C' })
      .start(),
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

/** The same engines `npm start` uses, run by tools/engines/serve.ts in a process of their own. */
async function startEmbedded(): Promise<TestEngines> {
  const child = spawn(process.execPath, [join(repoRoot(), 'dist', 'tools', 'engines', 'serve.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    exited.then(() => {
      throw new Error('The embedded engines did not start (see the message above; run `npm run build` first)');
    }),
  ])) as string[];
  const addresses = JSON.parse(line) as { postgresAdminUrl: string; dynamodbEndpoint: string };
  return {
    kind: 'embedded',
    ...addresses,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
