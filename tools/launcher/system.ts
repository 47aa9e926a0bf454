import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { APPS } from '../apps';
import { startDynamoDbLocal } from '../engines/dynamodb-local';
import { assertPortFree } from '../engines/ports';
import { startEmbeddedPostgres } from '../engines/postgres';
import { AppProcess, startApp } from './app-process';
import { LOCAL_POSTGRES_USER } from './local-system';
import { repoRoot } from './repo';
import { SystemPorts } from './ports';
import { loadOrCreateSecrets } from './secrets';

export interface SystemOptions {
  dataDir: string;
  ports: SystemPorts;
  logLevel?: string;
  /** The Ingress the gateway routes by; k8s/base/ingress.yaml unless given (say, a maintenance one). */
  ingressManifest?: string;
  /** Progress messages, one line each. */
  report?: (line: string) => void;
}

export interface RunningSystem {
  ports: SystemPorts;
  dataDir: string;
  apps: AppProcess[];
  stop(): Promise<void>;
}

const ISSUER = 'http://localhost/auth';

/**
 * Starts the whole system on this machine with no container engine: PostgreSQL and DynamoDB Local,
 * their migrations and seed, then auth, monolith and like as processes of their own, then the gateway.
 * Whatever started is stopped again if a later step fails.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const { ports, dataDir } = options;
  const report = options.report ?? (() => undefined);
  const root = repoRoot();
  const entry = (app: string, file = 'main.js') => join(root, 'dist', 'apps', app, 'src', file);

  for (const [owner, port] of Object.entries(ports)) await assertPortFree(port, owner);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const secrets = loadOrCreateSecrets(join(dataDir, 'secrets.json'));

  const stops: (() => Promise<unknown>)[] = [];
  const apps: AppProcess[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    report(`Starting PostgreSQL on port ${ports.postgres}`);
    const postgres = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: ports.postgres,
      user: LOCAL_POSTGRES_USER,
      password: secrets.postgresPassword,
    });
    stops.push(() => postgres.stop());
    for (const database of ['auth', 'app']) await postgres.ensureDatabase(database);

    report(`Starting DynamoDB Local on port ${ports.dynamodb}`);
    const dynamodb = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb'), port: ports.dynamodb });
    stops.push(() => dynamodb.stop());

    const common: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      LOG_LEVEL: options.logLevel ?? 'info',
      JWT_ISSUER: ISSUER,
      AUTH_JWKS_URL: `http://127.0.0.1:${ports.auth}/auth/.well-known/jwks.json`,
      AUTH_GRPC_URL: `127.0.0.1:${ports.authGrpc}`,
    };
    const env: Record<string, NodeJS.ProcessEnv> = {
      auth: {
        ...common,
        PORT: String(ports.auth),
        GRPC_PORT: String(ports.authGrpc),
        DATABASE_URL: postgres.url('auth'),
        JWT_PRIVATE_KEY: secrets.jwtPrivateKey,
        SERVICE_CLIENTS: `like:${secrets.likeClientSecret}`,
      },
      monolith: {
        ...common,
        PORT: String(ports.monolith),
        DATABASE_URL: postgres.url('app'),
        DYNAMODB_ENDPOINT: dynamodb.endpoint,
        DYNAMODB_CREATE_TABLES: 'true',
      },
      like: {
        ...common,
        PORT: String(ports.like),
        MONOLITH_URL: `http://127.0.0.1:${ports.monolith}`,
        SERVICE_CLIENT_SECRET: secrets.likeClientSecret,
      },
      gateway: {
        ...common,
        PORT: String(ports.gateway),
        ADMIN_PORT: String(ports.gatewayAdmin),
        INGRESS_MANIFEST: options.ingressManifest ?? join(root, 'k8s', 'base', 'ingress.yaml'),
        AUTH_URL: `http://127.0.0.1:${ports.auth}`,
        MONOLITH_URL: `http://127.0.0.1:${ports.monolith}`,
        LIKE_URL: `http://127.0.0.1:${ports.like}`,
      },
    };

    report('Migrating the auth and app databases and seeding the mysfits');
    for (const app of ['auth', 'monolith']) {
      await promisify(execFile)(process.execPath, [entry(app, 'migrate.js')], { env: env[app] }).catch(
        (error: { stderr?: string }) => {
          throw new Error(`${app} migrations failed: ${error.stderr?.trim() || String(error)}`);
        },
      );
    }

    const appPort: Record<string, number> = {
      auth: ports.auth,
      monolith: ports.monolith,
      like: ports.like,
      gateway: ports.gatewayAdmin,
    };
    for (const app of APPS) {
      report(`Starting ${app}`);
      const started: AppProcess = await startApp({
        name: app,
        entry: entry(app),
        env: env[app],
        logFile: join(logDir, `${app}.log`),
        readyUrl: `http://127.0.0.1:${appPort[app]}/health/ready`,
      });
      stops.push(() => started.stop());
      apps.push(started);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports, dataDir, apps, stop };
}
