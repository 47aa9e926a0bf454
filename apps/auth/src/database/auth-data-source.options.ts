import type { DataSourceOptions } from 'typeorm';
import { RefreshTokenEntity } from '../tokens/refresh-token.entity';
import { UserEntity } from '../users/user.entity';
import { CreateUsersAndRefreshTokens1732300000000 } from './migrations/1732300000000-create-users-and-refresh-tokens';
import { CreateLoginFailures1732300000001 } from './migrations/1732300000001-create-login-failures';

/** The `auth` database. Its schema changes only through these migrations, never `synchronize`. */
export function authDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [UserEntity, RefreshTokenEntity],
    migrations: [CreateUsersAndRefreshTokens1732300000000, CreateLoginFailures1732300000001],
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
