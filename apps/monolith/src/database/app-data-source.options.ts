import type { DataSourceOptions } from 'typeorm';
import { AdoptionEntity } from '../adoptions/adoption.entity';
import { CommentEntity } from '../comments/comment.entity';
import { CreateAdoptionsAndComments1732300000100 } from './migrations/1732300000100-create-adoptions-and-comments';

/** The `app` database. Its schema changes only through these migrations, never `synchronize`. */
export function appDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [AdoptionEntity, CommentEntity],
    migrations: [CreateAdoptionsAndComments1732300000100],
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
