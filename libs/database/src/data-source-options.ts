import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';

/** Entity or migration classes. */
type Classes = (new () => object)[];

/** A PostgreSQL data source whose schema changes only through its migrations, never `synchronize`. */
export function postgresDataSourceOptions(url: string, entities: Classes, migrations: Classes): DataSourceOptions {
  return {
    type: 'postgres',
    // Given, not left for TypeORM to require by name, so that the image build's file tracing finds it.
    driver: pg,
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
