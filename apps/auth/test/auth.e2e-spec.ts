import type { AddressInfo } from 'node:net';
import { credentials, loadPackageDefinition, Metadata, ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { parseSetCookie, SetCookie } from 'cookie';
import request from 'supertest';
import { AUTH_PROTO_PATH } from '@app/auth-rpc';
import { migrateDatabase } from '@app/database';
import { freePort } from '../../../tools/engines/ports';
import { columnLength, textOfCodePoints } from '../../../test/support/column-limits';
import { freshDatabase } from '../../../test/support/databases';
import { management, startTestApp } from '../../../test/support/http-app';
import { itRefusesOversizedHeads } from '../../../test/support/oversized-head';
import { perDescribe } from '../../../test/support/per-describe';
import {
  forgedTokens,
  TEST_AUDIENCE,
  TEST_INTERNAL_AUDIENCE,
  TEST_ISSUER,
  TestKeys,
} from '../../../test/support/test-keys';
import { AuthModule } from '../src/auth.module';
import { useSessionCookies } from '../src/browser-session';
import { authDataSourceOptions } from '../src/database';
import { attachGrpcServer } from '../src/grpc';

const keys = new TestKeys();
const LIKE_SECRET = 'like-client-secret-for-tests';

/** Auth on a database of its own, serving HTTP and (attached as main.ts does) gRPC. */
async function startAuth(env: Record<string, string> = {}) {
  const databaseUrl = await freshDatabase('auth');
  await migrateDatabase(
    authDataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_IAM_AUTH: false, AWS_REGION: 'us-east-1' }),
  );
  const grpcUrl = `127.0.0.1:${await freePort()}`;
  const app = await startTestApp(
    AuthModule,
    { title: 'auth', openApiPath: '/auth/openapi.json' },
    {
      DATABASE_URL: databaseUrl,
      JWT_PRIVATE_KEY: keys.pem(),
      JWT_ISSUER: TEST_ISSUER,
      SERVICE_CLIENTS: `like:${LIKE_SECRET}`,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_CLIENT: '6',
      ...env,
    },
    useSessionCookies,
  );
  await attachGrpcServer(app, grpcUrl);
  return { app, grpcUrl, databaseUrl, stop: () => app.close() };
}

let sequence = 0;

/** An auth app of the enclosing describe's own, with the helpers its tests use. */
function authOfThisDescribe(env: Record<string, string> = {}) {
  const auth = perDescribe(() => startAuth(env));
  const http = () => request(auth().app.getHttpServer());

  async function register(overrides: Record<string, unknown> = {}) {
    const body = {
      email: `user${++sequence}-${Date.now()}@example.com`,
      password: 'correct horse battery',
      displayName: `User ${sequence}`,
      ...overrides,
    };
    const response = await http().post('/auth/register').send(body).expect(201);
    return { ...body, id: response.body.id as string };
  }

  function login(email: string, password: string, client = '198.51.100.1') {
    return http().post('/auth/login').set('x-forwarded-for', client).send({ email, password });
  }

  return { auth, http, register, login, grpcUrl: () => auth().grpcUrl };
}

function decode(token: string) {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, payload };
}

describe('register', () => {
  const { http, register } = authOfThisDescribe();

  it('creates an account and never returns the password or its hash', async () => {
    const response = await http()
      .post('/auth/register')
      .send({ email: 'Grace@Example.com', password: 'a long enough password', displayName: 'Grace' })
      .expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'Grace@Example.com',
      displayName: 'Grace',
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/argon|password/i);
  });

  it('refuses an email already taken, whatever its case', async () => {
    const user = await register();
    const response = await http()
      .post('/auth/register')
      .send({ email: user.email.toUpperCase(), password: 'another password', displayName: 'Copy' })
      .expect(409);
    expect(response.body.code).toBe('EMAIL_TAKEN');
  });

  it.each([
    ['a password of 7 characters', { password: 'x'.repeat(7) }, 'password'],
    ['a password of 129 characters', { password: 'x'.repeat(129) }, 'password'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a number as display name', { displayName: 42 }, 'displayName'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
  ])('answers 400 VALIDATION_FAILED to %s', async (_case, overrides, field) => {
    const body = { email: 'valid@example.com', password: 'correct horse battery', displayName: 'Valid', ...overrides };
    const response = await http().post('/auth/register').send(body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    expect(Object.keys(response.body.details.fields)).toContain(field);
  });

  it('accepts passwords of exactly 8 and 128 characters', async () => {
    await register({ password: 'x'.repeat(8) });
    await register({ password: 'y'.repeat(128) });
  });

  it('answers 400 MALFORMED_JSON to a body that is not JSON', async () => {
    const response = await http()
      .post('/auth/register')
      .set('content-type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to an oversized body', async () => {
    const response = await http()
      .post('/auth/register')
      .send({ email: 'big@example.com', password: 'x'.repeat(40_000), displayName: 'Big' })
      .expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) });
  });
});

describe('register: input the database could not store', () => {
  const { auth, http, register } = authOfThisDescribe();
  const HEART = '\u2764\ufe0f'; // ❤️: two code points, one character to class-validator's Length

  it.each([
    ['a NUL in the display name', 'Ada\u0000Lovelace'],
    ['a control character in the display name', 'Ada\u001b[31m'],
    ['a line break in the display name', 'Ada\nLovelace'],
    ['a display name of 26 ❤️, 52 code points', HEART.repeat(26)],
  ])('answers 400 VALIDATION_FAILED to %s, not 500', async (_case, displayName) => {
    const body = { email: `text-${++sequence}@example.com`, password: 'correct horse battery', displayName };
    const response = await http().post('/auth/register').send(body).expect(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { displayName: [expect.any(String)] } },
    });
  });

  it('stores a display name of 25 ❤️, 50 code points, as it came', async () => {
    const user = await register({ displayName: HEART.repeat(25) });
    const login = await http().post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const me = await http().get('/auth/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body.displayName).toBe(HEART.repeat(25));
  });

  it('answers 400 VALIDATION_FAILED to JSON nested 3,000 levels deep, under the body limit', async () => {
    const deep = `{"email":"deep@example.com","password":"correct horse battery","displayName":"D","x":${'['.repeat(3_000)}${']'.repeat(3_000)}}`;
    const response = await http().post('/auth/register').set('content-type', 'application/json').send(deep).expect(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { body: [expect.any(String)] } },
    });
  });

  it('takes a display name of as many code points as users.display_name holds, and refuses one more with 400', async () => {
    const holds = await columnLength(auth().databaseUrl, 'users', 'display_name');
    const fitting = textOfCodePoints(holds);
    expect((await register({ displayName: fitting })).displayName).toBe(fitting);
    const body = {
      email: `text-${++sequence}@example.com`,
      password: 'correct horse battery',
      displayName: `${fitting}x`,
    };
    const response = await http().post('/auth/register').send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('oversized request heads', () => {
  const auth = perDescribe(startAuth);

  itRefusesOversizedHeads(() => (auth().app.getHttpServer().address() as AddressInfo).port, '/auth/me');
});

describe('login', () => {
  const { register, login } = authOfThisDescribe();

  it('issues an ES256 access token with kid, typ, iss, aud and at most 15 minutes of life', async () => {
    const user = await register();
    const response = await login(user.email, user.password).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const { header, payload } = decode(response.body.accessToken);
    expect(header).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: keys.kid });
    expect(payload).toMatchObject({ iss: TEST_ISSUER, aud: TEST_AUDIENCE, sub: user.id });
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
    expect(response.body.refreshToken.split('.')).toHaveLength(1);
  });

  it('answers an unknown email and a wrong password alike, in about the same time', async () => {
    const user = await register();
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await login(email, 'wrong password!', `203.0.113.${sequence++ % 200}`);
      return { response, ms: performance.now() - started };
    };
    const wrongPassword = [await timed(user.email), await timed(user.email)];
    const unknownEmail = [await timed('nobody@example.com'), await timed('nobody@example.com')];
    const strip = ({ response }: { response: request.Response }) => ({
      status: response.status,
      body: { ...response.body, requestId: undefined },
    });
    expect(strip(unknownEmail[0])).toEqual(strip(wrongPassword[0]));
    expect(strip(unknownEmail[0])).toEqual({
      status: 401,
      body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'The email or password is wrong' },
    });
    // Both paths run one argon2id verification; without the dummy hash the miss would be far faster.
    const fastest = (samples: { ms: number }[]) => Math.min(...samples.map((sample) => sample.ms));
    expect(fastest(unknownEmail)).toBeGreaterThan(fastest(wrongPassword) / 3);
  });

  it('logs in with the email in any case', async () => {
    const user = await register();
    await login(user.email.toUpperCase(), user.password).expect(200);
  });

  it('throttles failed logins per account with 429 and Retry-After, then even the right password waits', async () => {
    const user = await register();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await login(user.email, 'wrong password!', `192.0.2.${attempt}`).expect(401);
    }
    const blocked = await login(user.email, user.password, '192.0.2.99').expect(429);
    expect(blocked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const other = await register();
    await login(other.email, other.password, '192.0.2.99').expect(200);
  });

  it('throttles failed logins per client address across accounts', async () => {
    const client = '198.51.100.77';
    for (let attempt = 0; attempt < 6; attempt++) {
      await login(`unknown${attempt}@example.com`, 'wrong password!', client).expect(401);
    }
    const user = await register();
    await login(user.email, user.password, client).expect(429);
    await login(user.email, user.password, '198.51.100.78').expect(200);
  });
});

describe('refresh and logout', () => {
  const { http, register, login } = authOfThisDescribe();

  async function session() {
    const user = await register();
    return (await login(user.email, user.password).expect(200)).body as { accessToken: string; refreshToken: string };
  }

  it('rotates the refresh token on every use', async () => {
    const { refreshToken } = await session();
    const first = await http().post('/auth/refresh').send({ refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    const second = await http().post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(decode(second.body.accessToken).payload.sub).toBe(decode(first.body.accessToken).payload.sub);
  });

  it('revokes the whole family when a used token is presented again after its successor was used', async () => {
    const { refreshToken } = await session();
    const rotated = await http().post('/auth/refresh').send({ refreshToken }).expect(200);
    const latest = await http().post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(200);
    const reuse = await http().post('/auth/refresh').send({ refreshToken }).expect(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    const afterReuse = await http().post('/auth/refresh').send({ refreshToken: latest.body.refreshToken }).expect(401);
    expect(afterReuse.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('lets a retry with the token just used through, within the grace period, in the same session', async () => {
    const { refreshToken } = await session();
    const first = await http().post('/auth/refresh').send({ refreshToken }).expect(200);
    const retried = await http().post('/auth/refresh').send({ refreshToken }).expect(200);
    expect(retried.body.refreshToken).not.toBe(first.body.refreshToken);
    await http().post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    await http().post('/auth/logout').send({ refreshToken: retried.body.refreshToken }).expect(204);
    const afterLogout = await http()
      .post('/auth/refresh')
      .send({ refreshToken: retried.body.refreshToken })
      .expect(401);
    expect(afterLogout.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('answers two concurrent refreshes with the same token with two tokens of the one session', async () => {
    const { refreshToken } = await session();
    const results = await Promise.all([1, 2].map(() => http().post('/auth/refresh').send({ refreshToken })));
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    const [first, second] = results.map((result) => result.body.refreshToken as string);
    expect(first).not.toBe(second);
    await http().post('/auth/logout').send({ refreshToken: first }).expect(204);
    expect((await http().post('/auth/refresh').send({ refreshToken: second }).expect(401)).body.code).toBe(
      'REFRESH_TOKEN_INVALID',
    );
  });

  it('ends the session on logout', async () => {
    const { refreshToken } = await session();
    await http().post('/auth/logout').send({ refreshToken }).expect(204);
    const response = await http().post('/auth/refresh').send({ refreshToken }).expect(401);
    expect(response.body.code).toBe('REFRESH_TOKEN_INVALID');
    await http().post('/auth/logout').send({ refreshToken }).expect(204);
  });

  it('refuses an unknown refresh token', async () => {
    const response = await http()
      .post('/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
    expect(response.body.code).toBe('REFRESH_TOKEN_INVALID');
  });
});

describe('refresh with no reuse grace period (REFRESH_TOKEN_REUSE_GRACE_SECONDS=0)', () => {
  const { http, register, login } = authOfThisDescribe({ REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' });

  it('lets only one of two concurrent refreshes with the same token through', async () => {
    const user = await register();
    const { refreshToken } = (await login(user.email, user.password).expect(200)).body as { refreshToken: string };
    const results = await Promise.all([1, 2].map(() => http().post('/auth/refresh').send({ refreshToken })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
  });

  it('revokes the session at the first reuse', async () => {
    const user = await register();
    const { refreshToken } = (await login(user.email, user.password).expect(200)).body as { refreshToken: string };
    const rotated = await http().post('/auth/refresh').send({ refreshToken }).expect(200);
    expect((await http().post('/auth/refresh').send({ refreshToken }).expect(401)).body.code).toBe(
      'REFRESH_TOKEN_REUSED',
    );
    await http().post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
  });
});

describe('browser session (refresh token in a cookie)', () => {
  const { http, register } = authOfThisDescribe();
  const SAME_ORIGIN = { 'x-requested-with': 'fetch', 'sec-fetch-site': 'same-origin' };
  const cookieOf = (response: request.Response): SetCookie => {
    const headers = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(headers).toHaveLength(1);
    return parseSetCookie(headers[0]);
  };
  const sessionLogin = (email: string, password: string, headers: Record<string, string> = SAME_ORIGIN) =>
    http().post('/auth/session/login').set('x-forwarded-for', '198.51.100.20').set(headers).send({ email, password });
  const sessionCall = (route: 'refresh' | 'logout', cookie?: string, headers: Record<string, string> = SAME_ORIGIN) => {
    const call = http().post(`/auth/session/${route}`).set(headers);
    return cookie ? call.set('cookie', `mysfits_session=${cookie}`) : call;
  };
  async function signedIn() {
    const user = await register();
    const response = await sessionLogin(user.email, user.password).expect(200);
    return { user, response, cookie: cookieOf(response).value ?? '' };
  }

  it('logs in with the refresh token in an HttpOnly, SameSite=Strict cookie scoped to the session routes', async () => {
    const { user, response } = await signedIn();
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(decode(response.body.accessToken).payload.sub).toBe(user.id);
    expect(cookieOf(response)).toEqual({
      name: 'mysfits_session',
      value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      path: '/auth/session',
      httpOnly: true,
      sameSite: 'strict',
      maxAge: 14 * 24 * 3600,
    });
  });

  it('marks the cookie Secure when a trusted proxy says the page came over HTTPS', async () => {
    const user = await register();
    const response = await sessionLogin(user.email, user.password, {
      ...SAME_ORIGIN,
      'x-forwarded-proto': 'https',
    }).expect(200);
    expect(cookieOf(response)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'strict' });
  });

  it('refuses wrong credentials like the JSON API, and sets no cookie', async () => {
    const user = await register();
    const response = await sessionLogin(user.email, 'wrong password!').expect(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('renews the access token from the cookie and rotates it; a reused cookie revokes the session', async () => {
    const { user, cookie } = await signedIn();
    const renewed = await sessionCall('refresh', cookie).expect(200);
    expect(decode(renewed.body.accessToken).payload.sub).toBe(user.id);
    expect(renewed.body).not.toHaveProperty('refreshToken');
    const rotated = cookieOf(renewed).value ?? '';
    expect(rotated).not.toBe(cookie);

    // Used again after its successor was used: no retry of a lost answer, so reuse.
    const latest = cookieOf(await sessionCall('refresh', rotated).expect(200)).value ?? '';
    const reused = await sessionCall('refresh', cookie).expect(401);
    expect(reused.body.code).toBe('REFRESH_TOKEN_REUSED');
    expect(cookieOf(reused)).toMatchObject({ value: '', maxAge: 0, path: '/auth/session' });
    expect((await sessionCall('refresh', latest).expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('answers 204 and sets nothing when there is no session cookie', async () => {
    const response = await sessionCall('refresh').expect(204);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('logs out: clears the cookie and revokes the session, for the JSON API too', async () => {
    const { cookie } = await signedIn();
    const response = await sessionCall('logout', cookie).expect(204);
    expect(cookieOf(response)).toMatchObject({ value: '', maxAge: 0, path: '/auth/session' });
    expect((await sessionCall('refresh', cookie).expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
    await http().post('/auth/refresh').send({ refreshToken: cookie }).expect(401);
    await sessionCall('logout').expect(204);
  });

  describe('refuses what a cross-site page could send, and changes nothing', () => {
    const crossSite: [string, Record<string, string>, string][] = [
      ['without the custom header', { 'sec-fetch-site': 'same-origin' }, 'CSRF_HEADER_REQUIRED'],
      ['with another value in it', { 'x-requested-with': 'XMLHttpRequest' }, 'CSRF_HEADER_REQUIRED'],
      [
        'from another site',
        { 'x-requested-with': 'fetch', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
        'CROSS_SITE_REQUEST_REFUSED',
      ],
      [
        'from a sibling subdomain',
        { 'x-requested-with': 'fetch', 'sec-fetch-site': 'same-site', origin: 'https://evil.mysfits.example' },
        'CROSS_SITE_REQUEST_REFUSED',
      ],
    ];
    const routes = ['refresh', 'logout'] as const;

    it.each(routes.flatMap((route) => crossSite.map((each) => [route, ...each] as const)))(
      '%s %s',
      async (route, _case, headers, code) => {
        const { cookie } = await signedIn();
        const refused = await sessionCall(route, cookie, headers).expect(403);
        expect(refused.body.code).toBe(code);
        expect(refused.headers['set-cookie']).toBeUndefined();
        // Neither rotated nor revoked: the same cookie still renews, once.
        await sessionCall('refresh', cookie).expect(200);
      },
    );

    it.each(crossSite)('login %s', async (_case, headers, code) => {
      const user = await register();
      const refused = await sessionLogin(user.email, user.password, headers).expect(403);
      expect(refused.body.code).toBe(code);
      expect(refused.headers['set-cookie']).toBeUndefined();
    });

    it('a form post (text/plain, as a cross-site form can send it) to refresh or logout', async () => {
      const { cookie } = await signedIn();
      for (const route of routes) {
        const refused = await http()
          .post(`/auth/session/${route}`)
          .set('cookie', `mysfits_session=${cookie}`)
          .set('content-type', 'text/plain')
          .send('refreshToken=x')
          .expect(403);
        expect(refused.body.code).toBe('CSRF_HEADER_REQUIRED');
      }
      await sessionCall('refresh', cookie).expect(200);
    });
  });

  it.each([
    ['an undecodable value', '%zz'],
    ['a value longer than any token', 'x'.repeat(4_000)],
  ])('answers a session cookie holding %s as an invalid session, with the API error shape', async (_case, value) => {
    const response = await sessionCall('refresh', value).expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'REFRESH_TOKEN_INVALID' });
  });

  it('is open to clients that send no fetch metadata, such as curl, given the header', async () => {
    const user = await register();
    const response = await sessionLogin(user.email, user.password, { 'x-requested-with': 'fetch' }).expect(200);
    await sessionCall('refresh', cookieOf(response).value, { 'x-requested-with': 'fetch' }).expect(200);
  });
});

describe('me and token checks', () => {
  const { http, register, login } = authOfThisDescribe();

  it('answers the account of the token', async () => {
    const user = await register();
    const { accessToken } = (await login(user.email, user.password)).body;
    const response = await http().get('/auth/me').set('authorization', `Bearer ${accessToken}`).expect(200);
    expect(response.body).toMatchObject({ id: user.id, email: user.email, displayName: user.displayName });
  });

  it('answers 401 AUTHENTICATION_REQUIRED without a token', async () => {
    const response = await http().get('/auth/me').expect(401);
    expect(response.body.code).toBe('AUTHENTICATION_REQUIRED');
  });

  it('refuses a refresh token used as an access token', async () => {
    const user = await register();
    const { refreshToken } = (await login(user.email, user.password)).body;
    await http().get('/auth/me').set('authorization', `Bearer ${refreshToken}`).expect(401);
  });

  it.each(Object.entries(forgedTokens(keys, '5a1f1c7e-3f0e-4c1b-9d59-0d2bb1e0c2a1')))(
    'answers 401 to a token that is %s',
    async (_case, token) => {
      const response = await http().get('/auth/me').set('authorization', `Bearer ${token}`).expect(401);
      expect(['TOKEN_INVALID', 'TOKEN_EXPIRED']).toContain(response.body.code);
    },
  );

  it('publishes the public key as JWKS, without the private part', async () => {
    const response = await http().get('/auth/.well-known/jwks.json').expect(200);
    expect(response.body.keys).toEqual([{ ...keys.jwk }]);
    expect(response.body.keys[0]).not.toHaveProperty('d');
  });
});

describe('gRPC', () => {
  const { http, register, grpcUrl } = authOfThisDescribe();
  const definition = loadSync(AUTH_PROTO_PATH, { keepCase: false, longs: Number, defaults: true, arrays: true });
  // The generic client type of @grpc/grpc-js: methods take (request, metadata, callback).
  type Unary = (
    request: object,
    metadata: Metadata,
    callback: (error: ServiceError | null, value: unknown) => void,
  ) => void;
  type Client = Record<string, Unary> & { close(): void };
  const pkg = loadPackageDefinition(definition) as unknown as {
    mysfits: {
      auth: { v1: Record<string, new (url: string, creds: ReturnType<typeof credentials.createInsecure>) => Client> };
    };
  };
  const call = <T>(service: string, method: string, body: object) =>
    new Promise<T>((resolve, reject) => {
      const client = new pkg.mysfits.auth.v1[service](grpcUrl(), credentials.createInsecure());
      client[method](body, new Metadata(), (error, value) => {
        client.close();
        if (error) reject(error);
        else resolve(value as T);
      });
    });

  it('looks up display names, skipping unknown and malformed ids', async () => {
    const user = await register({ displayName: 'Looked Up' });
    const response = await call<{ users: { id: string; displayName: string }[] }>('UserDirectory', 'getUsers', {
      ids: [user.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid'],
    });
    expect(response.users).toEqual([{ id: user.id, displayName: 'Looked Up' }]);
  });

  it('answers a request for too many users with INVALID_ARGUMENT and the error code', async () => {
    const ids = Array.from({ length: 101 }, () => '00000000-0000-4000-8000-000000000000');
    await expect(call('UserDirectory', 'getUsers', { ids })).rejects.toMatchObject({
      code: 3 /* INVALID_ARGUMENT */,
      details: expect.stringContaining('TOO_MANY_IDS'),
    });
  });

  it('issues a service token for the internal audience to a known client only', async () => {
    const issued = await call<{ accessToken: string; expiresIn: number }>('ServiceTokens', 'issueServiceToken', {
      clientId: 'like',
      clientSecret: LIKE_SECRET,
    });
    expect(decode(issued.accessToken).payload).toMatchObject({
      aud: TEST_INTERNAL_AUDIENCE,
      sub: 'like',
      client_id: 'like',
    });
    await expect(
      call('ServiceTokens', 'issueServiceToken', { clientId: 'like', clientSecret: 'wrong' }),
    ).rejects.toMatchObject({ code: 16 /* UNAUTHENTICATED */ });
  });

  it('does not accept a service token as a person', async () => {
    const issued = await call<{ accessToken: string }>('ServiceTokens', 'issueServiceToken', {
      clientId: 'like',
      clientSecret: LIKE_SECRET,
    });
    await http().get('/auth/me').set('authorization', `Bearer ${issued.accessToken}`).expect(401);
  });
});

describe('operations', () => {
  const { auth, http } = authOfThisDescribe();

  it('serves live, ready and Prometheus metrics on its management port', async () => {
    await management(auth().app).get('/health/live').expect(200, { status: 'ok' });
    const ready = await management(auth().app).get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ http: { status: 'up' }, postgres: { status: 'up' } });
    const metrics = await management(auth().app).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_server_request_duration_seconds_bucket');
    expect(metrics.text).toContain('service="auth"');
  });

  it('keeps an idle keep-alive connection for the keep-alive timeout it is given (65 s here)', async () => {
    const response = await http().get('/auth/.well-known/jwks.json').set('connection', 'keep-alive').expect(200);
    expect(response.headers['keep-alive']).toBe('timeout=65');
  });

  it.each(['/health/live', '/health/ready', '/metrics'])('does not serve %s on its API port', async (path) => {
    expect((await http().get(path).expect(404)).body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('keeps the caller request id in the response header and error body', async () => {
    const response = await http().get('/auth/me').set('x-request-id', 'trace-abc-123').expect(401);
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
    expect(response.body.requestId).toBe('trace-abc-123');
  });

  it('answers 404 ROUTE_NOT_FOUND to an unknown route', async () => {
    const response = await http().get('/auth/nothing-here').expect(404);
    expect(response.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('publishes its OpenAPI document', async () => {
    const response = await http().get('/auth/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/auth/refresh']));
  });
});
