import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { z } from 'zod';
import { secret } from '@app/config-kit';

/** The database of an app that has one, for its config schema. */
export const postgresEnv = z.object({
  DATABASE_URL: secret.refine(isPostgresUrl, { error: 'must be a postgres:// URL naming a database' }),
});

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
export function postgresDataSourceOptions(url: string, migrations: Migrations): DataSourceOptions {
  return {
    type: 'postgres',
    // Given, not left for TypeORM to require by name, so that the image build's file tracing finds it.
    driver: pg,
    url,
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
