import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConnection } from './database-env';
import { rdsIamAuthToken } from './iam-authentication';

/** Entity or migration classes. */
type Classes = (new () => object)[];

/** A PostgreSQL data source whose schema changes only through its migrations, never `synchronize`. */
export function postgresDataSourceOptions(
  connection: DatabaseConnection,
  entities: Classes,
  migrations: Classes,
): DataSourceOptions {
  return {
    type: 'postgres',
    // Given, not left for TypeORM to require by name, so that the image build's file tracing finds it.
    driver: pg,
    ...(connection.DATABASE_IAM_AUTH ? iamAuthenticated(connection) : { url: connection.DATABASE_URL }),
    entities,
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}

/**
 * The URL's parts, with a token as the password. Not the URL itself: node-postgres would take the URL's
 * empty password over the token. RDS accepts IAM tokens over TLS only, so TLS is verified whatever sslmode says.
 */
function iamAuthenticated({ DATABASE_URL, AWS_REGION }: DatabaseConnection) {
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
    database: decodeURIComponent(url.pathname.slice(1)),
    password: rdsIamAuthToken(target),
    ssl: true,
  };
}
