import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createDocumentClient } from '@app/dynamodb';
import { SEED_MYSFITS } from '@app/mysfits-data';
import { columnLength, textOfCodePoints } from '../../../test/support/column-limits';
import { dynamoDbEndpoint, freshDatabase, uniqueTableNames } from '../../../test/support/databases';
import { startFakeAuthRpc } from '../../../test/support/fake-auth-rpc';
import { management, startTestApp } from '../../../test/support/http-app';
import { perDescribe } from '../../../test/support/per-describe';
import { forgedTokens, TEST_ISSUER, TestKeys } from '../../../test/support/test-keys';
import { monolithConfig } from '../src/config';
import { appDataSourceOptions, migrateStores } from '../src/database';
import { MonolithModule } from '../src/monolith.module';
import { WEB_ROOT } from '../src/web-root';

const keys = new TestKeys();
const [first, second, third, fourth] = SEED_MYSFITS;

/**
 * The monolith on a database and DynamoDB tables of its own (migrated and seeded as `migrate` does),
 * with auth's JWKS and gRPC user directory stood in for. `users` are the names the directory knows.
 */
async function startMonolith() {
  const users = new Map<string, string>();
  const databaseUrl = await freshDatabase('app');
  const tables = uniqueTableNames();
  const jwks = await keys.serveJwks();
  const authRpc = await startFakeAuthRpc({ users });
  const env = {
    DATABASE_URL: databaseUrl,
    DYNAMODB_ENDPOINT: dynamoDbEndpoint(),
    DYNAMODB_CREATE_TABLES: 'true',
    ...tables,
    AUTH_GRPC_URL: authRpc.url,
    AUTH_JWKS_URL: jwks.url,
    JWT_ISSUER: TEST_ISSUER,
  };
  Object.assign(process.env, env);
  await migrateStores(monolithConfig());
  const app = await startTestApp(
    MonolithModule,
    { title: 'monolith', openApiPath: '/openapi.json', staticRoot: WEB_ROOT },
    env,
  );
  const database = await new DataSource(
    appDataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_IAM_AUTH: false, AWS_REGION: 'us-east-1' }),
  ).initialize();
  return {
    app,
    database,
    databaseUrl,
    tables,
    authRpc,
    users,
    stop: async () => {
      await app.close();
      await database.destroy();
      await jwks.close();
      await authRpc.stop();
    },
  };
}

/** A monolith of the enclosing describe's own, with the helpers its tests use. */
function monolithOfThisDescribe() {
  const monolith = perDescribe(startMonolith);
  const http = () => request(monolith().app.getHttpServer());
  function newUser(name = 'Commenter') {
    const id = randomUUID();
    monolith().users.set(id, name);
    return { id, auth: `Bearer ${keys.userToken(id)}` };
  }
  /** A mysfit as the list shows it on its card. */
  const listed = async (mysfitId: string) =>
    ((await http().get('/mysfits').expect(200)).body.mysfits as { mysfitId: string }[]).find(
      (mysfit) => mysfit.mysfitId === mysfitId,
    );
  return { monolith, http, newUser, listed };
}

describe('GET /mysfits', () => {
  const { http } = monolithOfThisDescribe();

  it('lists the 12 seed mysfits with the workshop field names', async () => {
    const response = await http().get('/mysfits').expect(200);
    expect(response.body.mysfits).toHaveLength(12);
    expect(response.body.mysfits[0]).toEqual({
      mysfitId: expect.any(String),
      name: expect.any(String),
      species: expect.any(String),
      goodevil: expect.stringMatching(/^(Good|Neutral|Evil)$/),
      lawchaos: expect.stringMatching(/^(Lawful|Neutral|Chaotic)$/),
      thumbImageUri: expect.any(String),
      likes: expect.any(Number),
      adopted: expect.any(Boolean),
    });
  });

  it.each([
    ['GoodEvil', 'Good'],
    ['GoodEvil', 'Evil'],
    ['LawChaos', 'Chaotic'],
    ['LawChaos', 'Neutral'],
  ])('filters by %s=%s through its index', async (filter, value) => {
    const response = await http().get('/mysfits').query({ filter, value }).expect(200);
    const expected = SEED_MYSFITS.filter((m) => (filter === 'GoodEvil' ? m.goodEvil : m.lawChaos) === value);
    expect(response.body.mysfits.map((m: { name: string }) => m.name).sort()).toEqual(
      expected.map((m) => m.name).sort(),
    );
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown filter', { filter: 'Size', value: 'Big' }, 'VALIDATION_FAILED'],
    ['a value the axis does not have', { filter: 'GoodEvil', value: 'Chaotic' }, 'UNSUPPORTED_FILTER'],
    ['a filter without a value', { filter: 'LawChaos' }, 'UNSUPPORTED_FILTER'],
    ['a value without a filter', { value: 'Good' }, 'UNSUPPORTED_FILTER'],
    ['an unknown query parameter', { sort: 'name' }, 'VALIDATION_FAILED'],
  ])('answers 400 to %s', async (_case, query, code) => {
    const response = await http().get('/mysfits').query(query).expect(400);
    expect(response.body.code).toBe(code);
  });
});

describe('GET /mysfits/:id', () => {
  const { http } = monolithOfThisDescribe();

  it('answers the profile with numbers for age and likes', async () => {
    const response = await http().get(`/mysfits/${first.id}`).expect(200);
    expect(response.body).toMatchObject({
      mysfitId: first.id,
      name: first.name,
      age: first.age,
      description: first.description,
      likes: expect.any(Number),
      adopted: expect.any(Boolean),
    });
  });

  it('answers 400 to an id that is not a UUID and 404 to an unknown one', async () => {
    expect((await http().get('/mysfits/not-an-id').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await http().get(`/mysfits/${randomUUID()}`).expect(404)).body.code).toBe('MYSFIT_NOT_FOUND');
  });
});

describe('POST /mysfits/:id/adopt', () => {
  const { monolith, http, newUser, listed } = monolithOfThisDescribe();

  it('needs a token', async () => {
    expect((await http().post(`/mysfits/${second.id}/adopt`).expect(401)).body.code).toBe('AUTHENTICATION_REQUIRED');
  });

  it.each(Object.entries(forgedTokens(keys, randomUUID())))('answers 401 to a token that is %s', async (_c, token) => {
    await http().post(`/mysfits/${second.id}/adopt`).set('authorization', `Bearer ${token}`).expect(401);
  });

  it('refuses a service token on a public route', async () => {
    await http()
      .post(`/mysfits/${second.id}/adopt`)
      .set('authorization', `Bearer ${keys.serviceToken('like')}`)
      .expect(401);
  });

  it('adopts once; the second adopter gets 409 ALREADY_ADOPTED', async () => {
    const adopter = newUser('Adopter');
    const response = await http().post(`/mysfits/${second.id}/adopt`).set('authorization', adopter.auth).expect(201);
    expect(response.body).toMatchObject({ mysfitId: second.id, name: second.name, userId: adopter.id });
    const again = await http().post(`/mysfits/${second.id}/adopt`).set('authorization', newUser().auth).expect(409);
    expect(again.body.code).toBe('ALREADY_ADOPTED');
    const profile = await http().get(`/mysfits/${second.id}`).expect(200);
    expect(profile.body).toMatchObject({ adopted: true, adoptedBy: { userId: adopter.id, displayName: 'Adopter' } });
    expect(await listed(second.id)).toMatchObject({ adopted: true });
    const mine = await http().get('/me/adoptions').set('authorization', adopter.auth).expect(200);
    expect(mine.body.adoptions.map((a: { mysfitId: string }) => a.mysfitId)).toEqual([second.id]);
  });

  it('gives exactly one success to concurrent adopters, and both stores agree', async () => {
    const adopters = Array.from({ length: 8 }, (_, i) => newUser(`Racer ${i}`));
    const responses = await Promise.all(
      adopters.map((adopter) => http().post(`/mysfits/${third.id}/adopt`).set('authorization', adopter.auth)),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(7).fill(409)]);
    const [winner] = responses.filter((response) => response.status === 201).map((response) => response.body.userId);

    const rows = await monolith().database.query('SELECT user_id FROM adoptions WHERE mysfit_id = $1', [third.id]);
    expect(rows).toEqual([{ user_id: winner }]);
    const client = createDocumentClient({ region: 'us-east-1', endpoint: dynamoDbEndpoint() });
    const { Item } = await client.send(
      new GetCommand({ TableName: monolith().tables.MYSFITS_TABLE, Key: { MysfitId: third.id }, ConsistentRead: true }),
    );
    client.destroy();
    expect(Item?.Adopted).toBe(true);
  });

  it('answers 404 for an unknown mysfit and leaves no adoption row', async () => {
    const id = randomUUID();
    await http().post(`/mysfits/${id}/adopt`).set('authorization', newUser().auth).expect(404);
    expect(await monolith().database.query('SELECT 1 FROM adoptions WHERE mysfit_id = $1', [id])).toEqual([]);
  });
});

describe('comments', () => {
  const { monolith, http, newUser } = monolithOfThisDescribe();

  it('stores a comment and lists it with the author name from auth', async () => {
    const author = newUser('Ada');
    const created = await http()
      .post(`/mysfits/${fourth.id}/comments`)
      .set('authorization', author.auth)
      .send({ content: '  Adorable and slightly damp.  ', stars: 4.5 })
      .expect(201);
    expect(created.body).toMatchObject({ content: 'Adorable and slightly damp.', stars: 4.5, authorName: 'Ada' });
    const listed = await http().get(`/mysfits/${fourth.id}/comments`).expect(200);
    expect(listed.body.comments[0]).toMatchObject({ id: created.body.id, authorId: author.id, authorName: 'Ada' });
  });

  it.each([
    ['201 characters', { content: 'x'.repeat(201), stars: 3 }],
    ['empty content', { content: '   ', stars: 3 }],
    ['stars above 5', { content: 'ok', stars: 5.1 }],
    ['negative stars', { content: 'ok', stars: -0.5 }],
    ['stars with two decimals', { content: 'ok', stars: 4.25 }],
    ['stars as a string', { content: 'ok', stars: '4' }],
    ['no stars', { content: 'ok' }],
  ])('answers 400 VALIDATION_FAILED to %s', async (_case, body) => {
    const response = await http()
      .post(`/mysfits/${fourth.id}/comments`)
      .set('authorization', newUser().auth)
      .send(body)
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('accepts exactly 200 characters and the bounds 0.0 and 5.0', async () => {
    const author = newUser();
    for (const body of [
      { content: 'y'.repeat(200), stars: 0 },
      { content: 'z', stars: 5 },
    ]) {
      await http().post(`/mysfits/${fourth.id}/comments`).set('authorization', author.auth).send(body).expect(201);
    }
  });

  it('asks auth for the names under the id of the request that needs them', async () => {
    await http()
      .post(`/mysfits/${fourth.id}/comments`)
      .set('authorization', newUser('Traced').auth)
      .set('x-request-id', 'monolith-comment-trace')
      .send({ content: 'Traced all the way.', stars: 2 })
      .expect(201);
    expect(monolith().authRpc.calls).toContainEqual({ method: 'getUsers', requestId: 'monolith-comment-trace' });
  });

  it('answers 404 for comments of an unknown mysfit and 401 without a token', async () => {
    await http().get(`/mysfits/${randomUUID()}/comments`).expect(404);
    await http().post(`/mysfits/${fourth.id}/comments`).send({ content: 'hi', stars: 1 }).expect(401);
  });
});

describe('comments: input the database could not store', () => {
  const { monolith, http, newUser } = monolithOfThisDescribe();
  const comment = (body: object | string) =>
    http()
      .post(`/mysfits/${fourth.id}/comments`)
      .set('authorization', newUser().auth)
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it.each([
    ['a NUL', { content: 'nice\u0000one', stars: 3 }],
    ['an escape sequence', { content: '\u001b[2Jgone', stars: 3 }],
    ['an unpaired surrogate', { content: 'half \ud83d', stars: 3 }],
    [
      '190 characters holding 20 ❤️: 190 to class-validator, 210 code points',
      { content: `${'\u2764\ufe0f'.repeat(20)}${'x'.repeat(170)}`, stars: 3 },
    ],
  ])('answers 400 VALIDATION_FAILED to a comment with %s, not 500', async (_case, body) => {
    const response = await comment(body).expect(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { content: [expect.any(String)] } },
    });
  });

  it('keeps line breaks, which a comment may have', async () => {
    await comment({ content: 'first line\nsecond line', stars: 3 }).expect(201);
  });

  it('answers 400 VALIDATION_FAILED to JSON nested 8,000 levels deep, under the body limit', async () => {
    const response = await comment(`{"content":"deep","stars":1,"x":${'['.repeat(8_000)}${']'.repeat(8_000)}}`).expect(
      400,
    );
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { body: [expect.any(String)] } },
    });
  });

  it('takes a comment of as many code points as comments.content holds, and refuses one more with 400', async () => {
    const holds = await columnLength(monolith().databaseUrl, 'comments', 'content');
    const fitting = textOfCodePoints(holds);
    const created = await comment({ content: fitting, stars: 3 }).expect(201);
    expect(created.body.content).toBe(fitting);
    expect((await comment({ content: `${fitting}x`, stars: 3 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /mysfits/:id/fulfill-like (internal)', () => {
  const { http, listed } = monolithOfThisDescribe();

  const fulfill = (mysfitId: string, userId: string, token = keys.serviceToken('like')) =>
    http().post(`/mysfits/${mysfitId}/fulfill-like`).set('authorization', `Bearer ${token}`).send({ userId });

  it('counts one like per user, however often it is called', async () => {
    const before = (await http().get(`/mysfits/${first.id}`)).body.likes as number;
    const userId = randomUUID();
    const firstCall = await fulfill(first.id, userId).expect(200);
    expect(firstCall.body).toEqual({ mysfitId: first.id, likes: before + 1, alreadyLiked: false });
    const repeats = await Promise.all(Array.from({ length: 5 }, () => fulfill(first.id, userId)));
    for (const repeat of repeats)
      expect(repeat.body).toEqual({ mysfitId: first.id, likes: before + 1, alreadyLiked: true });
    expect((await http().get(`/mysfits/${first.id}`)).body.likes).toBe(before + 1);
    expect(await listed(first.id)).toMatchObject({ likes: before + 1, adopted: false });
  });

  it('counts concurrent likes of different users exactly', async () => {
    const before = (await http().get(`/mysfits/${fourth.id}`)).body.likes as number;
    await Promise.all(Array.from({ length: 10 }, () => fulfill(fourth.id, randomUUID()).expect(200)));
    expect((await http().get(`/mysfits/${fourth.id}`)).body.likes).toBe(before + 10);
  });

  it('accepts only the like service', async () => {
    const userId = randomUUID();
    await http().post(`/mysfits/${first.id}/fulfill-like`).send({ userId }).expect(401);
    await fulfill(first.id, userId, keys.userToken(userId)).expect(401);
    expect((await fulfill(first.id, userId, keys.serviceToken('someone-else')).expect(403)).body.code).toBe(
      'SERVICE_NOT_ALLOWED',
    );
  });

  it('answers 404 for an unknown mysfit and 400 for a bad user id', async () => {
    expect((await fulfill(randomUUID(), randomUUID()).expect(404)).body.code).toBe('MYSFIT_NOT_FOUND');
    await fulfill(first.id, 'not-a-uuid').expect(400);
  });
});

describe('the web page', () => {
  const { http } = monolithOfThisDescribe();

  it('is served at / with its script, styles and a picture of every seed mysfit', async () => {
    const page = await http()
      .get('/')
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(page.text).toContain('<script type="module" src="/app.js">');
    await http()
      .get('/app.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await http().get('/styles.css').expect(200).expect('content-type', /css/);
    for (const mysfit of SEED_MYSFITS) {
      await http().get(mysfit.thumbImageUri).expect(200).expect('content-type', /svg/);
    }
  });

  it('leaves unknown paths to the API 404', async () => {
    expect((await http().get('/no-such-page').expect(404)).body.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('seeding and degraded dependencies', () => {
  const { monolith, http, newUser } = monolithOfThisDescribe();

  it('re-seeds without resetting likes or adoptions', async () => {
    await http().post(`/mysfits/${second.id}/adopt`).set('authorization', newUser('Keeper').auth).expect(201);
    await http()
      .post(`/mysfits/${second.id}/fulfill-like`)
      .set('authorization', `Bearer ${keys.serviceToken('like')}`)
      .send({ userId: randomUUID() })
      .expect(200);
    const before = (await http().get(`/mysfits/${second.id}`)).body;
    expect(before).toMatchObject({ likes: 1, adopted: true });
    const result = await migrateStores(monolithConfig());
    expect(result.seeded).toEqual({ added: 0, kept: 12 });
    expect((await http().get(`/mysfits/${second.id}`)).body).toEqual(before);
  });

  it('serves comments while auth is unreachable, with the names it holds and without the others', async () => {
    const comment = (auth: string, content: string) =>
      http().post(`/mysfits/${fourth.id}/comments`).set('authorization', auth).send({ content, stars: 3 }).expect(201);
    await comment(newUser('Ada').auth, 'Named while auth answers.');
    // A user auth did not know yet when the comment was made: no name held for them.
    const latecomer = randomUUID();
    await comment(`Bearer ${keys.userToken(latecomer)}`, 'Unnamed so far.');
    monolith().users.set(latecomer, 'Latecomer');
    await monolith().authRpc.stop();
    const response = await http().get(`/mysfits/${fourth.id}/comments`).expect(200);
    const authorOf = (content: string) =>
      (response.body.comments as { content: string; authorName: string | null }[]).find(
        (shown) => shown.content === content,
      )?.authorName;
    expect(authorOf('Named while auth answers.')).toBe('Ada');
    expect(authorOf('Unnamed so far.')).toBeNull();
  });

  it.each([
    ['the web page', '/', 200],
    ['the API', '/mysfits', 200],
    ['an error', '/nothing-here', 404],
  ])('sends security headers with %s', async (_case, path, status) => {
    const response = await http().get(path).expect(status);
    expect(response.headers).toMatchObject({
      'content-security-policy':
        "default-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
  });

  it('publishes an OpenAPI document of the public routes only, without the internal fulfill-like', async () => {
    const paths = Object.keys((await http().get('/openapi.json').expect(200)).body.paths as object);
    expect(paths).toEqual(expect.arrayContaining(['/mysfits', '/mysfits/{id}', '/mysfits/{id}/adopt']));
    expect(paths.filter((path) => path.includes('fulfill'))).toEqual([]);
  });

  it('is ready when Postgres and DynamoDB answer, and publishes metrics, on its management port', async () => {
    const ready = await management(monolith().app).get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, dynamodb: { status: 'up' } });
    expect((await management(monolith().app).get('/metrics').expect(200)).text).toContain('service="monolith"');
    await http().get('/metrics').expect(404);
    await http().get('/health/ready').expect(404);
  });
});
