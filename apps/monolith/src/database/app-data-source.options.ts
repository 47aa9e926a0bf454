import type { DataSourceOptions } from 'typeorm';
import { postgresDataSourceOptions } from '@app/database';
import { CreateAdoptionsAndComments1732300000100 } from './migrations/1732300000100-create-adoptions-and-comments';

/** The `app` database (adoptions and comments). */
export function appDataSourceOptions(url: string): DataSourceOptions {
  return postgresDataSourceOptions(url, [CreateAdoptionsAndComments1732300000100]);
}
