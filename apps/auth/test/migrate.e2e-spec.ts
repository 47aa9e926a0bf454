import { AddressInfo, connect, createServer, Server } from 'node:net';
import { migrateDatabase } from '@app/database';
import { freshDatabase } from '../../../test/support/databases';
import { authDataSourceOptions } from '../src/database';

/**
 * auth's migrations, reached through a proxy that hangs up on the first connections, as a database that is
 * still starting does when compose or Kubernetes starts the migrate command beside it.
 */
let databaseUrl: URL;
let proxy: Server;
let connections = 0;

beforeAll(async () => {
  databaseUrl = new URL(await freshDatabase('auth_migrate'));
  proxy = createServer((client) => {
    connections += 1;
    if (connections <= 2) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(databaseUrl.port), databaseUrl.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((listening) => proxy.listen(0, '127.0.0.1', listening));
}, 120_000);

afterAll(async () => {
  await new Promise((closed) => proxy.close(closed));
});

it('connects again while the database hangs up, then applies the migrations once', async () => {
  const viaProxy = new URL(databaseUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String((proxy.address() as AddressInfo).port);
  const warnings: string[] = [];
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((line) => {
    warnings.push(String(line));
    return true;
  });
  try {
    const connection = { DATABASE_URL: viaProxy.toString(), DATABASE_IAM_AUTH: false, AWS_REGION: 'eu-west-1' };
    expect(await migrateDatabase(authDataSourceOptions(connection))).toEqual([
      'CreateUsersAndRefreshTokens1732300000000',
      'CreateLoginFailures1732300000001',
    ]);
  } finally {
    stderr.mockRestore();
  }
  expect(warnings.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
    expect.objectContaining({
      level: 'warn',
      msg: 'the database does not answer yet',
      error: expect.stringMatching(/Connection terminated/),
    }),
    expect.objectContaining({
      level: 'warn',
      msg: 'the database does not answer yet',
      error: expect.stringMatching(/Connection terminated/),
    }),
  ]);
  expect(connections).toBeGreaterThanOrEqual(3);
}, 60_000);
