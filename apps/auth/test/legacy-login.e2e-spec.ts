import { pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { migrateDatabase } from '@app/database';
import { freshDatabase } from '../../../test/support/databases';
import { medianCosts } from '../../../test/support/cpu-cost';
import { startTestApp } from '../../../test/support/http-app';
import { TEST_ISSUER, TestKeys } from '../../../test/support/test-keys';
import { AuthModule } from '../src/auth.module';
import { authDataSourceOptions } from '../src/database';

/** The iteration count `npm run legacy:seed` writes (tools/legacy/django-password.ts). */
const SEEDED_ITERATIONS = 36_000;

// Each test runs processes or many password checks, on a machine that may be busy.
jest.setTimeout(60_000);

let app: NestFastifyApplication;
let db: Client;
const http = () => request(app.getHttpServer());

beforeAll(async () => {
  const databaseUrl = await freshDatabase('auth_legacy');
  await migrateDatabase(
    authDataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_IAM_AUTH: false, AWS_REGION: 'us-east-1' }),
  );
  db = new Client({ connectionString: databaseUrl });
  await db.connect();
  app = await startTestApp(
    AuthModule,
    { title: 'auth', openApiPath: '/auth/openapi.json' },
    {
      DATABASE_URL: databaseUrl,
      JWT_PRIVATE_KEY: new TestKeys().pem(),
      JWT_ISSUER: TEST_ISSUER,
      SERVICE_CLIENTS: 'like:like-client-secret-for-tests',
      // The timing test fails many logins for the same accounts.
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
    },
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.end();
});

/** A user as the data split leaves them: the monolith's Django hash, kept as it was. */
async function legacyUser(password: string) {
  const user = { id: randomUUID(), email: `Legacy-${randomBytes(3).toString('hex')}@Example.com` };
  const salt = randomBytes(16).toString('base64url');
  const key = pbkdf2Sync(password, salt, SEEDED_ITERATIONS, 32, 'sha256').toString('base64');
  await db.query('INSERT INTO users (id, email, password_hash, display_name) VALUES ($1, $2, $3, $4)', [
    user.id,
    user.email,
    `pbkdf2_sha256$${SEEDED_ITERATIONS}$${salt}$${key}`,
    'Légacy 🦄',
  ]);
  return user;
}

async function storedHash(id: string): Promise<string> {
  return (await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id])).rows[0]
    .password_hash;
}

let client = 0;
function login(email: string, password: string) {
  return http()
    .post('/auth/login')
    .set('x-forwarded-for', `203.0.113.${++client % 250}`)
    .send({ email, password });
}

it('logs a legacy user in with the old password and rehashes it to argon2id in the same request', async () => {
  const user = await legacyUser('legacy password 1');
  const response = await login(user.email.toLowerCase(), 'legacy password 1').expect(200);
  expect(response.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
  const me = await http().get('/auth/me').set('authorization', `Bearer ${response.body.accessToken}`).expect(200);
  expect(me.body).toMatchObject({ id: user.id, email: user.email, displayName: 'Légacy 🦄' });

  const rehashed = await storedHash(user.id);
  expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  await login(user.email, 'legacy password 1').expect(200);
  expect(await storedHash(user.id)).toBe(rehashed);
});

it('rehashes once when two logins race, and both get in', async () => {
  const user = await legacyUser('legacy password 2');
  const responses = await Promise.all([1, 2].map(() => login(user.email, 'legacy password 2')));
  expect(responses.map((response) => response.status)).toEqual([200, 200]);
  expect(await storedHash(user.id)).toMatch(/^\$argon2id\$/);
});

it('answers a wrong legacy password as any other failed login: same 401, same timing class, hash kept', async () => {
  const legacy = await legacyUser('legacy password 3');
  const migrated = await legacyUser('legacy password 4');
  await login(migrated.email, 'legacy password 4').expect(200);

  const failedLogin = async (email: string) => {
    const response = await login(email, 'wrong password!');
    expect({ status: response.status, body: { ...response.body, requestId: undefined } }).toMatchObject({
      status: 401,
      body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'The email or password is wrong' },
    });
  };
  // Every failure runs one argon2id check; a legacy one adds one PBKDF2 check at the stored count. What a
  // failure costs in CPU time is what its response time shows on an idle server, and unlike wall time it
  // does not grow when other processes share the cores; medians of interleaved rounds shed the odd GC.
  // A failure that skipped the argon2id check would cost well under 0.8 of one that ran it (about 0.3 for
  // an unknown email, 0.65 for a legacy hash, as measured), and none may cost over 3 times another.
  const costs = await medianCosts(15, {
    legacy: () => failedLogin(legacy.email),
    argon2id: () => failedLogin(migrated.email),
    unknown: (round) => failedLogin(`nobody-${round}@example.com`),
  });
  expect(await storedHash(legacy.id)).toMatch(/^pbkdf2_sha256\$/);
  expect(costs.legacy / costs.argon2id).toBeGreaterThan(0.8);
  expect(costs.unknown / costs.argon2id).toBeGreaterThan(0.8);
  const micros = Object.values(costs);
  expect(Math.max(...micros) / Math.min(...micros)).toBeLessThanOrEqual(3);
});
