import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppName, APPS, builtEntryPoint } from '../apps';
import { DynamoDbServer, startDynamoDbLocal } from '../engines/dynamodb-local';
import { assertPortFree } from '../engines/ports';
import { PostgresServer, startEmbeddedPostgres } from '../engines/postgres';
import { AppProcess, startApp } from './app-process';
import { LOCAL_POSTGRES_USER } from './local-system';
import { compileCacheFolder, repoRoot } from './repo';
import { MANAGEMENT_PORT, SystemPorts } from './ports';
import { loadOrCreateSecrets } from './secrets';

export interface SystemOptions {
  dataDir: string;
  ports: SystemPorts;
  logLevel?: string;
  /** Added to every app's environment (the bench uses it to switch tracing on). */
  appEnv?: NodeJS.ProcessEnv;
  /** The Ingress the gateway routes by; k8s/base/ingress.yaml unless given (say, a maintenance one). */
  ingressManifest?: string;
  /** Progress messages, one line each. */
  report?: (line: string) => void;
  /** What happens once the system runs (an app that exited and is restarted), one line each. */
  events?: (line: string) => void;
  /**
   * A running system whose PostgreSQL and DynamoDB Local (and so whose secrets) this one's apps use, as
   * they are, and leave running when it stops: two sets of apps on one set of data and engines, so that
   * what tells them apart is the apps alone (the bench compares tracing on and off this way).
   */
  enginesOf?: RunningSystem;
}

export interface RunningSystem {
  ports: SystemPorts;
  dataDir: string;
  /** In the order of APPS. */
  apps: AppProcess[];
  postgres: PostgresServer;
  dynamodb: DynamoDbServer;
  stop(): Promise<void>;
}

type Part = AppName | 'postgres' | 'dynamodb';

/** Apps before the databases, each app before the ones it calls. */
const STOP_ORDER: Part[] = [...[...APPS].reverse(), 'dynamodb', 'postgres'];
const ISSUER = 'http://localhost/auth';

/**
 * Starts the whole system on this machine with no container engine: PostgreSQL and DynamoDB Local,
 * their migrations and seed, then auth, monolith and like as processes of their own, and the gateway.
 * Each part starts as soon as what it needs is up: like and the gateway need nothing to boot, auth
 * needs its migrated database, the monolith both stores. Whatever started is stopped again if any
 * part fails.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const { ports, dataDir } = options;
  const report = options.report ?? (() => undefined);
  const root = repoRoot();

  for (const owner of Object.keys(ports) as (keyof SystemPorts)[]) await assertPortFree(ports[owner], owner);
  privateFolder(dataDir, process.getuid?.() === 0 ? 0o711 : 0o700);
  const logDir = join(dataDir, 'logs');
  privateFolder(logDir, 0o700);
  const secrets = loadOrCreateSecrets(join(options.enginesOf?.dataDir ?? dataDir, 'secrets.json'));

  const stops = new Map<Part, () => Promise<unknown>>();
  const stop = async () => {
    for (const part of STOP_ORDER) {
      const stopPart = stops.get(part);
      stops.delete(part);
      await stopPart?.().catch(() => undefined);
    }
  };
  const started = async <T extends { stop(): Promise<unknown> }>(part: Part, starting: Promise<T>): Promise<T> => {
    const running = await starting;
    stops.set(part, () => running.stop());
    return running;
  };

  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    // A developer's own Node.js options, such as --enable-source-maps (tools/launcher/node-options.ts).
    NODE_OPTIONS: process.env.NODE_OPTIONS,
    // Node.js keeps the compiled code of every module here, which shortens the next start.
    NODE_COMPILE_CACHE: compileCacheFolder(),
    LOG_LEVEL: options.logLevel ?? 'info',
    JWT_ISSUER: ISSUER,
    AUTH_JWKS_URL: `http://127.0.0.1:${ports.auth}/auth/.well-known/jwks.json`,
    AUTH_GRPC_URL: `127.0.0.1:${ports.authGrpc}`,
    ...options.appEnv,
  };
  const launch = (app: AppName, env: NodeJS.ProcessEnv) => {
    report(`Starting ${app}`);
    return started(
      app,
      startApp({
        name: app,
        entry: builtEntryPoint(app),
        env,
        logFile: join(logDir, `${app}.log`),
        readyUrl: `http://127.0.0.1:${ports[MANAGEMENT_PORT[app]]}/health/ready`,
        restart: { report: options.events ?? report },
      }),
    );
  };
  const migrate = (app: AppName, env: NodeJS.ProcessEnv) =>
    promisify(execFile)(process.execPath, [builtEntryPoint(app, 'migrate')], { env }).catch((error: unknown) => {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new Error(`${app} migrations failed: ${stderr || String(error)}`, { cause: error });
    });
  const startPostgres = (port: number) => {
    report(`Starting PostgreSQL on port ${port}`);
    return started(
      'postgres',
      startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port,
        user: LOCAL_POSTGRES_USER,
        password: secrets.postgresPassword,
      }),
    ).then(async (server) => {
      // One after the other: CREATE DATABASE copies template1, which allows one copy at a time.
      for (const database of ['auth', 'app']) await server.ensureDatabase(database);
      return server;
    });
  };
  const startDynamoDb = (port: number) => {
    report(`Starting DynamoDB Local on port ${port}`);
    return started('dynamodb', startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb'), port }));
  };

  const shared = options.enginesOf;
  const postgres = shared ? Promise.resolve(shared.postgres) : startPostgres(ports.postgres);
  const dynamodb = shared ? Promise.resolve(shared.dynamodb) : startDynamoDb(ports.dynamodb);

  const auth = postgres.then(async (server) => {
    const env = {
      ...common,
      PORT: String(ports.auth),
      ADMIN_PORT: String(ports.authAdmin),
      GRPC_PORT: String(ports.authGrpc),
      DATABASE_URL: server.url('auth'),
      JWT_PRIVATE_KEY: secrets.jwtPrivateKey,
      SERVICE_CLIENTS: `like:${secrets.likeClientSecret}`,
    };
    report('Migrating the auth database');
    await migrate('auth', env);
    return launch('auth', env);
  });
  const monolith = Promise.all([postgres, dynamodb]).then(async ([postgresServer, dynamodbServer]) => {
    const env = {
      ...common,
      PORT: String(ports.monolith),
      ADMIN_PORT: String(ports.monolithAdmin),
      DATABASE_URL: postgresServer.url('app'),
      DYNAMODB_ENDPOINT: dynamodbServer.endpoint,
      DYNAMODB_CREATE_TABLES: 'true',
      STATUS_METRICS_URLS: (['auth', 'like', 'gateway'] as const)
        .map((app) => `${app}=http://127.0.0.1:${ports[MANAGEMENT_PORT[app]]}/metrics`)
        .join(','),
    };
    report('Migrating the app database and seeding the mysfits');
    await migrate('monolith', env);
    return launch('monolith', env);
  });
  const like = launch('like', {
    ...common,
    PORT: String(ports.like),
    ADMIN_PORT: String(ports.likeAdmin),
    MONOLITH_URL: `http://127.0.0.1:${ports.monolith}`,
    SERVICE_CLIENT_SECRET: secrets.likeClientSecret,
  });
  const gateway = launch('gateway', {
    ...common,
    PORT: String(ports.gateway),
    ADMIN_PORT: String(ports.gatewayAdmin),
    INGRESS_MANIFEST: options.ingressManifest ?? join(root, 'k8s', 'base', 'ingress.yaml'),
    AUTH_URL: `http://127.0.0.1:${ports.auth}`,
    MONOLITH_URL: `http://127.0.0.1:${ports.monolith}`,
    LIKE_URL: `http://127.0.0.1:${ports.like}`,
  });

  const appStarts: Record<AppName, Promise<AppProcess>> = { auth, monolith, like, gateway };

  // Wait for every part to settle, so that a failure of one never leaves another starting unseen.
  const parts = await Promise.allSettled([postgres, dynamodb, ...APPS.map((app) => appStarts[app])]);
  const failed = parts.find((part) => part.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    ports,
    dataDir,
    apps: await Promise.all(APPS.map((app) => appStarts[app])),
    postgres: await postgres,
    dynamodb: await dynamodb,
    stop,
  };
}

/**
 * A folder only its owner can read. The data folder is 0700, except when run as root: embedded PostgreSQL
 * then runs as a `postgres` user of its own, which must still reach its folder inside, so others may pass
 * through (0711) but not list or read anything.
 */
function privateFolder(path: string, mode: number): void {
  mkdirSync(path, { recursive: true, mode });
  chmodSync(path, mode);
}
