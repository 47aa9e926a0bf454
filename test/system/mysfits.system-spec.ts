import { createServer } from 'node:net';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseSetCookie } from 'cookie';
import pg from 'pg';
import request from 'supertest';
import { APPS } from '../../tools/apps';
import { isListening, waitFor } from '../../tools/engines/ports';
import { scratchFolder } from '../../tools/engines/scratch-folder';
import { freeSystemPorts } from '../../tools/launcher/ports';
import { launch, supervisorOf, untilRunning } from './launcher';
import { groupMembers } from './processes';
import { loggedLine, narrow, onlyFor, startSystemUnderTest, SystemUnderTest } from './system-under-test';

/**
 * The whole system as `npm start` runs it (real PostgreSQL, DynamoDB Local, four processes), or as
 * compose.yaml runs it (`npm run test:compose`), driven only through the gateway, as a client of the
 * ALB would be.
 */
jest.setTimeout(180_000);

let system: SystemUnderTest;
let gateway: string;
const json = 'application/json';

beforeAll(async () => {
  system = await startSystemUnderTest('system');
  gateway = system.gateway;
});

afterAll(() => system?.stop());

const email = `system-${Date.now()}@example.com`;
const password = 'a sturdy password';
const session: { accessToken?: string; refreshToken?: string; mysfitId?: string; adopted?: string } = {};
const bearer = () => `Bearer ${session.accessToken}`;

describe('a visitor, through the gateway', () => {
  it('registers and logs in', async () => {
    await request(gateway).post('/auth/register').send({ email, password, displayName: 'Systematic' }).expect(201);
    const login = await request(gateway).post('/auth/login').send({ email, password }).expect(200);
    Object.assign(session, login.body);
    expect(login.body.tokenType).toBe('Bearer');
  });

  it('lists the mysfits and filters them', async () => {
    const all = await request(gateway).get('/mysfits').expect(200);
    expect(all.body.mysfits).toHaveLength(12);
    const [, second] = all.body.mysfits;
    session.mysfitId = all.body.mysfits[0].mysfitId;
    session.adopted = second.mysfitId;
    const evil = await request(gateway).get('/mysfits?filter=GoodEvil&value=Evil').expect(200);
    expect(evil.body.mysfits.every((m: { goodevil: string }) => m.goodevil === 'Evil')).toBe(true);
  });

  it('likes a mysfit twice and is counted once', async () => {
    const before = (await request(gateway).get(`/mysfits/${session.mysfitId}`)).body.likes as number;
    const first = await request(gateway)
      .post(`/mysfits/${session.mysfitId}/like`)
      .set('authorization', bearer())
      .set('x-request-id', 'system-like-trace')
      .expect(200);
    expect(first.body).toEqual({ mysfitId: session.mysfitId, likes: before + 1, alreadyLiked: false });
    expect(first.headers['x-request-id']).toBe('system-like-trace');
    const second = await request(gateway).post(`/mysfits/${session.mysfitId}/like`).set('authorization', bearer());
    expect(second.body).toEqual({ mysfitId: session.mysfitId, likes: before + 1, alreadyLiked: true });
    expect((await request(gateway).get(`/mysfits/${session.mysfitId}`)).body.likes).toBe(before + 1);
  });

  it('adopts: of two concurrent adopts, one succeeds and one gets 409', async () => {
    const results = await Promise.all(
      [1, 2].map(() => request(gateway).post(`/mysfits/${session.adopted}/adopt`).set('authorization', bearer())),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    // The first read that needs the adopter's name asks auth; the monolith holds it for the reads after.
    const profile = await request(gateway)
      .get(`/mysfits/${session.adopted}`)
      .set('x-request-id', 'system-name-trace')
      .expect(200);
    expect(profile.body).toMatchObject({ adopted: true, adoptedBy: { displayName: 'Systematic' } });
    const mine = await request(gateway).get('/me/adoptions').set('authorization', bearer()).expect(200);
    expect(mine.body.adoptions).toHaveLength(1);
  });

  it('comments with stars; the author name comes from auth over gRPC', async () => {
    await request(gateway)
      .post(`/mysfits/${session.mysfitId}/comments`)
      .set('authorization', bearer())
      .set('x-request-id', 'system-comment-trace')
      .send({ content: 'Best hedge troll in town.', stars: 5 })
      .expect(201);
    const comments = await request(gateway).get(`/mysfits/${session.mysfitId}/comments`).expect(200);
    expect(comments.body.comments[0]).toMatchObject({
      content: 'Best hedge troll in town.',
      stars: 5,
      authorName: 'Systematic',
    });
  });

  it('refreshes; a retry with the used token is let through, a reuse after the next refresh detected', async () => {
    const old = session.refreshToken;
    const refreshed = await request(gateway).post('/auth/refresh').send({ refreshToken: old }).expect(200);
    await request(gateway).post('/auth/refresh').send({ refreshToken: old }).expect(200);
    await request(gateway).post('/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(200);
    const reuse = await request(gateway).post('/auth/refresh').send({ refreshToken: old }).expect(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    const login = await request(gateway).post('/auth/login').send({ email, password }).expect(200);
    Object.assign(session, login.body);
    expect(refreshed.body.refreshToken).not.toBe(old);
  });

  it('logs out', async () => {
    await request(gateway).post('/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await request(gateway).post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('keeps a browser session in a cookie the gateway passes on: log in, renew, log out', async () => {
    const session = (route: string, cookie?: string) => {
      const call = request(gateway).post(`/auth/session/${route}`).set('x-requested-with', 'fetch');
      return cookie ? call.set('cookie', `mysfits_session=${cookie}`) : call;
    };
    const cookieOf = (response: request.Response) => parseSetCookie(response.headers['set-cookie'][0]);
    const login = await session('login').send({ email, password }).expect(200);
    // The gateway, like the ALB, tells auth the page came over plain HTTP: no Secure flag here.
    expect(cookieOf(login)).toMatchObject({ path: '/auth/session', httpOnly: true, sameSite: 'strict' });
    expect(cookieOf(login).secure).toBeUndefined();
    const renewed = await session('refresh', cookieOf(login).value).expect(200);
    await request(gateway).get('/auth/me').set('authorization', `Bearer ${renewed.body.accessToken}`).expect(200);
    const cookie = cookieOf(renewed).value;
    expect(cookieOf(await session('logout', cookie).expect(204))).toMatchObject({ value: '', maxAge: 0 });
    expect((await session('refresh', cookie).expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
    // The cookie holds a refresh token: neither the gateway's log nor auth's may keep it. Lines are written in
    // order, so once a later request's line is in auth's log, so is every line of the exchange above.
    await request(gateway).get('/auth/me').set('x-request-id', 'system-after-cookies').expect(401);
    await loggedLine(system, 'auth', '"requestId":"system-after-cookies"');
    const logs = await Promise.all(['gateway', 'auth'].map((app) => system.logs(app)));
    for (const token of [cookieOf(login).value, cookie]) {
      expect(token).toMatch(/^[\w-]{43}$/);
      for (const log of logs) expect(log).not.toContain(token);
    }
  });

  it('carried each request id through gateway, like, monolith and auth logs', async () => {
    for (const [app, requestId] of [
      ['like', 'system-like-trace'],
      ['monolith', 'system-like-trace'],
      ['monolith', 'system-comment-trace'],
      ['auth', 'system-name-trace'],
    ]) {
      await expect(loggedLine(system, app, `"requestId":"${requestId}"`)).resolves.toContain(requestId);
    }
  });

  it("obtained like's service token under an id of its own, which like and auth both log", async () => {
    const like = logLines(await loggedLine(system, 'like', '"msg":"Obtained a service token from auth"'));
    const renewals = like.filter((line) => line.msg === 'Obtained a service token from auth');
    expect(renewals.length).toBeGreaterThan(0);
    for (const { requestId } of renewals) {
      expect(requestId).not.toBe('system-like-trace');
      const auth = logLines(await loggedLine(system, 'auth', `"requestId":"${String(requestId)}"`));
      expect(auth).toContainEqual(
        expect.objectContaining({ requestId, rpc: 'ServiceTokensRpcController.issueServiceToken', outcome: 'ok' }),
      );
    }
  });
});

describe('what the gateway refuses, as the ALB would', () => {
  it.each([
    ['POST', `/mysfits/00000000-0000-4000-8000-000000000000/fulfill-like`],
    ['GET', '/metrics'],
    ['GET', '/health/ready'],
  ])('answers %s %s with 404', async (method, path) => {
    const response = await request(gateway)[method === 'GET' ? 'get' : 'post'](path).expect(404);
    expect(response.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it.each([
    ['malformed JSON', (r: request.Test) => r.set('content-type', json).send('{"email":'), 400, 'MALFORMED_JSON'],
    ['an unknown field', (r: request.Test) => r.send({ email, password, admin: true }), 400, 'VALIDATION_FAILED'],
    ['a wrong type', (r: request.Test) => r.send({ email, password: 12345678 }), 400, 'VALIDATION_FAILED'],
    [
      'an oversized body',
      (r: request.Test) => r.send({ email, password: 'p'.repeat(50_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('answers %s on /auth/login with a stable code', async (_case, build, status, code) => {
    const response = await build(request(gateway).post('/auth/login')).expect(status);
    expect(response.body).toMatchObject({ statusCode: status, code, requestId: expect.any(String) });
  });

  it.each(['/', '/mysfits', '/auth/.well-known/jwks.json'])('passes the security headers of %s on', async (path) => {
    const response = await request(gateway).get(path).expect(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
  });

  it('answers a bad id with 400 and an unknown mysfit with 404', async () => {
    await request(gateway).get('/mysfits/xyz').expect(400);
    await request(gateway).get('/mysfits/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('answers 401 to a like with a refresh token as bearer', async () => {
    const login = await request(gateway).post('/auth/login').send({ email, password }).expect(200);
    await request(gateway)
      .post(`/mysfits/${session.mysfitId}/like`)
      .set('authorization', `Bearer ${login.body.refreshToken}`)
      .expect(401);
  });
});

describe('what the logs keep out', () => {
  onlyFor('embedded')("logs no password hash, email or name when auth's database refuses a write", async () => {
    const { dataDir, launched } = narrow(system, 'embedded');
    const { postgresPassword } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
      postgresPassword: string;
    };
    const database = new pg.Client({
      connectionString: `postgres://mysfits:${encodeURIComponent(postgresPassword)}@127.0.0.1:${launched.ports.postgres}/auth`,
    });
    await database.connect();
    await database.query(
      `CREATE FUNCTION refuse_users() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused for this test'; END $$ LANGUAGE plpgsql`,
    );
    await database.query(
      'CREATE TRIGGER refuse_users BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION refuse_users()',
    );
    try {
      const leaky = {
        email: `leaky-${Date.now()}@example.com`,
        password: 'a leaky password',
        displayName: 'Leaky Name',
      };
      await request(gateway).post('/auth/register').send(leaky).expect(500);
      const log = await loggedLine(system, 'auth', 'refused for this test');
      for (const secret of [leaky.email, leaky.displayName, '$argon2id']) expect(log).not.toContain(secret);
    } finally {
      await database.query('DROP TRIGGER refuse_users ON users');
      await database.query('DROP FUNCTION refuse_users');
      await database.end();
    }
  });

  it('logs no email or token given in a query string', async () => {
    // Refused (the list takes no such parameters), and logged like every request.
    await request(gateway).get('/mysfits?email=query.leak%40example.com&access_token=leaky-token').expect(400);
    const log = await loggedLine(system, 'monolith', '/mysfits?email=[redacted]&access_token=[redacted]');
    expect(log).not.toMatch(/query\.leak|leaky-token/);
  });
});

describe('when a database goes away', () => {
  onlyFor('compose')('answers 503 UPSTREAM_UNAVAILABLE, not 500, and recovers once it is back', async () => {
    const { compose } = narrow(system, 'compose');
    const comments = () => request(gateway).get(`/mysfits/${session.mysfitId}/comments`);
    await compose.run(['stop', 'app-db']);
    try {
      const response = await comments();
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await compose.run(['start', 'app-db']);
    }
    await waitFor('the comments', async () => (await comments()).status === 200, 60_000);
  });
});

describe('stopping and starting again', () => {
  async function keptTheData(): Promise<void> {
    await request(gateway).post('/auth/login').send({ email, password }).expect(200);
    const profile = await request(gateway).get(`/mysfits/${session.adopted}`).expect(200);
    expect(profile.body.adopted).toBe(true);
  }

  onlyFor('embedded')('the launcher stops everything on Ctrl-C and keeps the data for the next start', async () => {
    const embedded = narrow(system, 'embedded');
    const { launched, dataDir } = embedded;
    expect(await launched.interrupt()).toBe(0);
    for (const port of [
      launched.ports.postgres,
      launched.ports.dynamodb,
      launched.ports.auth,
      launched.ports.gateway,
    ]) {
      expect(await isListening(port)).toBe(false);
    }
    embedded.launched = launch(dataDir, launched.ports);
    await untilRunning(embedded.launched);
    await keptTheData();
  });

  onlyFor('embedded')('keeps the data folder and the logs readable by their owner only', () => {
    const { dataDir } = narrow(system, 'embedded');
    const mode = (path: string) => statSync(path).mode & 0o777;
    // Run as root, embedded PostgreSQL's own user must pass through the data folder to reach its own.
    expect(mode(dataDir)).toBe(process.getuid?.() === 0 ? 0o711 : 0o700);
    expect(mode(join(dataDir, 'logs'))).toBe(0o700);
    expect(mode(join(dataDir, 'secrets.json'))).toBe(0o600);
    for (const app of APPS) expect([app, mode(join(dataDir, 'logs', `${app}.log`))]).toEqual([app, 0o600]);
  });

  onlyFor('embedded')('stops everything when SIGTERM goes straight to the supervisor, not the launcher', async () => {
    const { launched } = narrow(system, 'embedded');
    const supervisor = supervisorOf(launched);
    process.kill(supervisor.pid, 'SIGTERM');
    expect(await launched.exited).toBe(0);
    expect(groupMembers(supervisor.pgid)).toEqual([]);
    for (const port of [launched.ports.postgres, launched.ports.dynamodb, launched.ports.monolith]) {
      expect(await isListening(port)).toBe(false);
    }
  });

  onlyFor('embedded')('the launcher refuses to start when a port is taken, in one clear line', async () => {
    const squatter = createServer().listen(0, '0.0.0.0');
    await new Promise((resolve) => squatter.once('listening', resolve));
    const ports = { ...(await freeSystemPorts()), gateway: (squatter.address() as { port: number }).port };
    const blockedDataDir = scratchFolder('blocked');
    const blocked = launch(blockedDataDir, ports);
    expect(await blocked.exited).toBe(1);
    expect(blocked.output()).toContain(`Could not start: Port ${ports.gateway} (gateway) is already in use`);
    squatter.close();
    rmSync(blockedDataDir, { recursive: true, force: true });
  });

  onlyFor('compose')('every app container exits 0 on stop, and the volumes outlive the containers', async () => {
    const { compose } = narrow(system, 'compose');
    await compose.run(['stop']);
    const stopped = new Map(
      (await compose.containers()).map(({ service, status, exitCode }) => [service, { status, exitCode }]),
    );
    expect(APPS.map((app) => [app, stopped.get(app)])).toEqual(
      APPS.map((app) => [app, { status: 'exited', exitCode: 0 }]),
    );
    await compose.run(['down']);
    await compose.run(['up', '--detach']);
    await compose.untilHealthy();
    await keptTheData();
  });
});

/** The JSON lines of a log, with any prefix (such as Compose's service name) left out. */
function logLines(log: string): Record<string, unknown>[] {
  return log.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
