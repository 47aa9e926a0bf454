import type { DataSourceOptions } from 'typeorm';
import { type DatabaseConnection, postgresDataSourceOptions } from '@app/database';
import { AdoptionEntity } from '../adoptions/adoption.entity';
import { CommentEntity } from '../comments/comment.entity';
import { CreateAdoptionsAndComments1732300000100 } from './migrations/1732300000100-create-adoptions-and-comments';

/** The `app` database. */
export function appDataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return postgresDataSourceOptions(
    connection,
    [AdoptionEntity, CommentEntity],
    [CreateAdoptionsAndComments1732300000100],
  );
}
