import type { DataSourceOptions } from 'typeorm';
import { postgresDataSourceOptions, type PostgresEnv } from '@app/database';
import { CreateUsersAndRefreshTokens1732300000000 } from './migrations/1732300000000-create-users-and-refresh-tokens';
import { CreateLoginFailures1732300000001 } from './migrations/1732300000001-create-login-failures';

/** The `auth` database (users, refresh tokens, login failures). */
export function authDataSourceOptions(connection: PostgresEnv): DataSourceOptions {
  return postgresDataSourceOptions(connection, [
    CreateUsersAndRefreshTokens1732300000000,
    CreateLoginFailures1732300000001,
  ]);
}
