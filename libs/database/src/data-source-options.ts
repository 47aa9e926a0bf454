import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { z } from 'zod';
import { awsRegion, flag, secret } from '@app/config-kit';
import { rdsIamAuthToken } from './iam-authentication';
import { measuredClient } from './query-metrics';

/** The database of an app that has one, for its config schema. */
export const postgresEnv = z.object({
  /** postgres://user[:password]@host:port/database[?sslmode=...]; no password with DATABASE_IAM_AUTH. */
  DATABASE_URL: secret.refine(isPostgresUrl, { error: 'must be a postgres:// URL naming a database' }),
  /**
   * Sign in as the URL's user with an RDS IAM authentication token, signed per connection with the pod's
   * AWS credentials (IRSA), instead of a password: on EKS no database password exists in Kubernetes.
   */
  DATABASE_IAM_AUTH: flag(false),
  /** The region of the database, which an IAM authentication token is signed for. */
  AWS_REGION: awsRegion,
});

export type PostgresEnv = z.output<typeof postgresEnv>;

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return /^postgres(ql)?:$/.test(url.protocol) && url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** Migration classes. */
type Migrations = (new () => object)[];

/**
 * A PostgreSQL data source whose schema changes only through its migrations, never `synchronize`.
 * The app's modules add their entities (`autoLoadEntities`); migrations need none.
 */
export function postgresDataSourceOptions(connection: PostgresEnv, migrations: Migrations): DataSourceOptions {
  return {
    type: 'postgres',
    // Given, not left for TypeORM to require by name, so that the image build's file tracing finds it.
    driver: pg,
    ...(connection.DATABASE_IAM_AUTH ? iamAuthenticated(connection) : { url: connection.DATABASE_URL }),
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, connectionTimeoutMillis: 5_000, Client: measuredClient(databaseName(connection.DATABASE_URL)) },
  };
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * node-postgres's settings for one database, for code that connects without TypeORM: the URL as it is,
 * or with DATABASE_IAM_AUTH its parts and a token signed per connection, over verified TLS.
 */
export function postgresClientConfig(connection: PostgresEnv): pg.ClientConfig {
  if (!connection.DATABASE_IAM_AUTH) return { connectionString: connection.DATABASE_URL };
  const { username, ...rest } = iamAuthenticated(connection);
  return { ...rest, user: username };
}

/**
 * The URL's parts, with a token as the password. Not the URL itself: node-postgres would take the URL's
 * empty password over the token. RDS accepts IAM tokens over TLS only, so TLS is verified whatever sslmode says.
 */
function iamAuthenticated({ DATABASE_URL, AWS_REGION }: PostgresEnv) {
  const url = new URL(DATABASE_URL);
  if (url.password)
    throw new Error('DATABASE_URL holds a password although DATABASE_IAM_AUTH is on: leave the password out');
  const target = {
    hostname: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username),
    region: AWS_REGION,
  };
  return {
    host: target.hostname,
    port: target.port,
    username: target.username,
    database: databaseName(DATABASE_URL),
    password: rdsIamAuthToken(target),
    ssl: true,
  };
}
