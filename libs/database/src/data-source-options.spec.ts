import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { postgresClientConfig, postgresDataSourceOptions } from './data-source-options';

const options = (connection: { DATABASE_URL: string; DATABASE_IAM_AUTH: boolean }) =>
  postgresDataSourceOptions({ ...connection, AWS_REGION: 'eu-west-1' }, []) as PostgresDataSourceOptions;

describe('postgresDataSourceOptions', () => {
  it('connects with the URL, password and all, without IAM authentication (locally, compose)', () => {
    const url = 'postgres://postgres:postgres@localhost:54329/auth';
    expect(options({ DATABASE_URL: url, DATABASE_IAM_AUTH: false })).toMatchObject({ url, synchronize: false });
  });

  it('with IAM authentication, signs in as the URL user with a token per connection, over verified TLS', async () => {
    const connection = options({
      DATABASE_URL:
        'postgres://auth_service@mysfits-dev-auth.c9akciq32.eu-west-1.rds.amazonaws.com:5432/auth?sslmode=verify-full',
      DATABASE_IAM_AUTH: true,
    });
    expect(connection).toMatchObject({
      host: 'mysfits-dev-auth.c9akciq32.eu-west-1.rds.amazonaws.com',
      port: 5432,
      username: 'auth_service',
      database: 'auth',
      ssl: true,
    });
    expect(connection.url).toBeUndefined();
    expect(typeof connection.password).toBe('function');
  });

  it('refuses a password in the URL together with IAM authentication', () => {
    expect(() =>
      options({ DATABASE_URL: 'postgres://auth_service:hunter2@db:5432/auth', DATABASE_IAM_AUTH: true }),
    ).toThrow('DATABASE_URL holds a password although DATABASE_IAM_AUTH is on: leave the password out');
  });
});

describe('postgresClientConfig', () => {
  it('connects with the URL as it is without IAM authentication', () => {
    const url = 'postgres://postgres:postgres@localhost:54329/app';
    expect(postgresClientConfig({ DATABASE_URL: url, DATABASE_IAM_AUTH: false, AWS_REGION: 'eu-west-1' })).toEqual({
      connectionString: url,
    });
  });

  it('with IAM authentication, gives the same parts as the data source, the user under the name node-postgres reads', () => {
    const connection = {
      DATABASE_URL: 'postgres://monolith_service@mysfits-dev-app.c9akciq32.eu-west-1.rds.amazonaws.com:5432/app',
      DATABASE_IAM_AUTH: true,
      AWS_REGION: 'eu-west-1',
    };
    const config = postgresClientConfig(connection);
    expect(config).toMatchObject({
      host: 'mysfits-dev-app.c9akciq32.eu-west-1.rds.amazonaws.com',
      port: 5432,
      user: 'monolith_service',
      database: 'app',
      ssl: true,
    });
    expect(config.connectionString).toBeUndefined();
    expect(typeof config.password).toBe('function');
  });
});
