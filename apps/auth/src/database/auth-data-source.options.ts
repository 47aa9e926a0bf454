import type { DataSourceOptions } from 'typeorm';
import { type DatabaseConnection, postgresDataSourceOptions } from '@app/database';
import { RefreshTokenEntity } from '../tokens/refresh-token.entity';
import { UserEntity } from '../users/user.entity';
import { CreateUsersAndRefreshTokens1732300000000 } from './migrations/1732300000000-create-users-and-refresh-tokens';
import { CreateLoginFailures1732300000001 } from './migrations/1732300000001-create-login-failures';

/** The `auth` database. */
export function authDataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return postgresDataSourceOptions(
    connection,
    [UserEntity, RefreshTokenEntity],
    [CreateUsersAndRefreshTokens1732300000000, CreateLoginFailures1732300000001],
  );
}
