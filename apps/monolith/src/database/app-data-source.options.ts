import type { DataSourceOptions } from 'typeorm';
import { postgresDataSourceOptions, type PostgresEnv } from '@app/database';
import { CreateAdoptionsAndComments1732300000100 } from './migrations/1732300000100-create-adoptions-and-comments';

/** The `app` database (adoptions and comments). */
export function appDataSourceOptions(connection: PostgresEnv): DataSourceOptions {
  return postgresDataSourceOptions(connection, [CreateAdoptionsAndComments1732300000100]);
}
