import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import request from 'supertest';
import { startFakeAuthRpc } from '../../../test/support/fake-auth-rpc';
import { management, startTestApp } from '../../../test/support/http-app';
import { perDescribe } from '../../../test/support/per-describe';
import { forgedTokens, TEST_ISSUER, TestKeys } from '../../../test/support/test-keys';
import { LikeModule } from '../src/like.module';

/**
 * The like service against a scripted monolith: each test says how the monolith answers, so the
 * timeouts, retries, circuit breaker and error mapping can be checked exactly. (The system tests use
 * the real one.)
 */
type Behaviour = (request: IncomingMessage, response: ServerResponse, body: string) => void;

const keys = new TestKeys();
const CLIENT_SECRET = 'like-secret';
const MYSFIT = randomUUID();

const answer =
  (status: number, payload: object): Behaviour =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };

interface ScriptedMonolith {
  calls: { headers: IncomingMessage['headers']; body: string; url?: string }[];
  behaviour: Behaviour;
  url: string;
  close(): Promise<void>;
}

/** A monolith that records every call and answers as its current `behaviour` says. */
async function startScriptedMonolith(): Promise<ScriptedMonolith> {
  const calls: ScriptedMonolith['calls'] = [];
  const sockets = new Set<Socket>();
  const monolith: ScriptedMonolith = {
    calls,
    behaviour: answer(200, {}),
    url: '',
    /** Closes the server and every connection to it: from now on connections are refused. */
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((req, res) => {
    let body = '';
    req
      .on('data', (chunk: Buffer) => (body += chunk.toString()))
      .on('end', () => {
        calls.push({ headers: req.headers, body, url: req.url });
        monolith.behaviour(req, res, body);
      });
  });
  server.on('connection', (socket) => sockets.add(socket.once('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  monolith.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return monolith;
}

/** The like service (with a fresh circuit breaker) in front of a scripted monolith of its own. */
async function startLike(settings: Record<string, string> = {}) {
  const monolith = await startScriptedMonolith();
  const jwks = await keys.serveJwks();
  const authRpc = await startFakeAuthRpc({
    issueServiceToken: (clientId, secret) =>
      clientId === 'like' && secret === CLIENT_SECRET ? keys.serviceToken('like') : undefined,
  });
  const app = await startTestApp(
    LikeModule,
    { title: 'like', openApiPath: '/openapi.json' },
    {
      MONOLITH_URL: monolith.url,
      AUTH_GRPC_URL: authRpc.url,
      AUTH_JWKS_URL: jwks.url,
      JWT_ISSUER: TEST_ISSUER,
      SERVICE_CLIENT_SECRET: CLIENT_SECRET,
      MONOLITH_REQUEST_TIMEOUT_MS: '300',
      MONOLITH_TOTAL_BUDGET_MS: '2000',
      ...settings,
    },
  );
  return {
    app,
    monolith,
    authRpc,
    stop: async () => {
      await app.close();
      await monolith.close();
      await jwks.close();
      await authRpc.stop();
    },
  };
}

/** A like service of the enclosing describe's own, with the helpers its tests use. */
function likeOfThisDescribe(settings: Record<string, string> = {}) {
  const like = perDescribe(() => startLike(settings));
  const http = () => request(like().app.getHttpServer());
  const likeAs = (userId: string, mysfitId: string = MYSFIT) =>
    http()
      .post(`/mysfits/${mysfitId}/like`)
      .set('authorization', `Bearer ${keys.userToken(userId)}`);
  const monolith = () => like().monolith;
  beforeEach(() => {
    monolith().calls.length = 0;
  });
  return { like, http, likeAs, monolith };
}

describe('POST /mysfits/:id/like', () => {
  const { like, http, likeAs, monolith } = likeOfThisDescribe();
  const calls = () => monolith().calls;
  const behave = (behaviour: Behaviour) => {
    monolith().behaviour = behaviour;
  };

  it('asks the monolith to fulfil the like with its service token, the user and the request id', async () => {
    const userId = randomUUID();
    behave(answer(200, { mysfitId: MYSFIT, likes: 7, alreadyLiked: false }));
    const response = await likeAs(userId).set('x-request-id', 'like-trace-1').expect(200);
    expect(response.body).toEqual({ mysfitId: MYSFIT, likes: 7, alreadyLiked: false });
    expect(calls()).toHaveLength(1);
    expect(calls()[0].url).toBe(`/mysfits/${MYSFIT}/fulfill-like`);
    expect(JSON.parse(calls()[0].body)).toEqual({ userId });
    expect(calls()[0].headers['x-request-id']).toBe('like-trace-1');
    const [, payload] = String(calls()[0].headers.authorization).replace('Bearer ', '').split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ client_id: 'like' });
    // The token is shared by every request, so it was obtained under an id of its own, not this request's.
    const issued = like().authRpc.calls.filter((call) => call.method === 'issueServiceToken');
    expect(issued).toHaveLength(1);
    expect(issued[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes alreadyLiked through for a repeated like', async () => {
    behave(answer(200, { mysfitId: MYSFIT, likes: 7, alreadyLiked: true }));
    expect((await likeAs(randomUUID()).expect(200)).body.alreadyLiked).toBe(true);
  });

  it('answers 404 MYSFIT_NOT_FOUND when the monolith does, without retrying', async () => {
    behave(answer(404, { statusCode: 404, code: 'MYSFIT_NOT_FOUND', message: 'No mysfit' }));
    expect((await likeAs(randomUUID()).expect(404)).body.code).toBe('MYSFIT_NOT_FOUND');
    expect(calls()).toHaveLength(1);
  });

  it('retries a 503 and succeeds on a later attempt', async () => {
    let attempt = 0;
    behave((req, res, body) =>
      ++attempt < 3
        ? answer(503, { code: 'BUSY' })(req, res, body)
        : answer(200, { mysfitId: MYSFIT, likes: 1, alreadyLiked: false })(req, res, body),
    );
    await likeAs(randomUUID()).expect(200);
    expect(calls()).toHaveLength(3);
  });

  it('answers 503 UPSTREAM_UNAVAILABLE after at most 3 attempts when the monolith keeps failing', async () => {
    behave(answer(500, { code: 'INTERNAL_ERROR' }));
    const response = await likeAs(randomUUID()).expect(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'UPSTREAM_UNAVAILABLE' });
    expect(calls()).toHaveLength(3);
  });

  it('answers 503 within the time budget when the monolith hangs', async () => {
    behave(() => undefined);
    const started = Date.now();
    expect((await likeAs(randomUUID()).expect(503)).body.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(calls().length).toBeLessThanOrEqual(3);
  });

  it.each(Object.entries(forgedTokens(keys, randomUUID())))('answers 401 to a token that is %s', async (_c, token) => {
    await http().post(`/mysfits/${MYSFIT}/like`).set('authorization', `Bearer ${token}`).expect(401);
    expect(calls()).toHaveLength(0);
  });

  it('answers 401 without a token and 400 to a bad id, before calling the monolith', async () => {
    await http().post(`/mysfits/${MYSFIT}/like`).expect(401);
    expect((await likeAs(randomUUID(), 'nope').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(calls()).toHaveLength(0);
  });
});

describe('when the monolith keeps failing', () => {
  const { likeAs, monolith } = likeOfThisDescribe();

  it('opens the circuit breaker after 5 failed likes: then no call reaches the monolith', async () => {
    monolith().behaviour = answer(503, { code: 'BUSY' });
    for (let failed = 0; failed < 5; failed++) {
      expect((await likeAs(randomUUID()).expect(503)).body.code).toBe('UPSTREAM_UNAVAILABLE');
    }
    expect(monolith().calls).toHaveLength(15);
    monolith().calls.length = 0;
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      expect((await likeAs(randomUUID()).expect(503)).body.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(2_500);
    }
    expect(monolith().calls.length).toBe(0);
  });
});

describe('when the monolith is down', () => {
  const { like, likeAs, monolith } = likeOfThisDescribe();
  beforeAll(() => monolith().close());

  it('answers 503 quickly to each like, saying the like was not recorded', async () => {
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const response = await likeAs(randomUUID()).expect(503);
      expect(response.body).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        message: expect.stringMatching(/^The like was not recorded/),
      });
      expect(Date.now() - started).toBeLessThan(2_500);
    }
  });

  it('stays ready itself, so it can keep answering 503', async () => {
    await management(like().app).get('/health/ready').expect(200);
    await management(like().app).get('/health/live').expect(200);
  });
});

describe('when the monolith hangs', () => {
  // Each attempt may wait longer than the whole budget: every like is cut short by the budget.
  const HALF_OPEN_AFTER_MS = 1_500;
  const { likeAs, monolith } = likeOfThisDescribe({
    MONOLITH_REQUEST_TIMEOUT_MS: '5000',
    MONOLITH_TOTAL_BUDGET_MS: '600',
    MONOLITH_BREAKER_HALF_OPEN_AFTER_MS: String(HALF_OPEN_AFTER_MS),
  });
  const hang: Behaviour = () => undefined;

  it('counts each like cut short by the budget as a failure, and says the like may have been recorded', async () => {
    monolith().behaviour = hang;
    for (let failed = 0; failed < 5; failed++) {
      const response = await likeAs(randomUUID()).expect(503);
      expect(response.body).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        message: expect.stringContaining('may have been recorded'),
      });
    }
  });

  it('then fails each like within 0.5 s, without calling the monolith', async () => {
    monolith().calls.length = 0;
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect((await likeAs(randomUUID()).expect(503)).body.message).toMatch(/^The like was not recorded/);
      expect(Date.now() - started).toBeLessThan(500);
    }
    expect(monolith().calls).toHaveLength(0);
  });

  it('lets likes through again within the half-open period once the monolith answers', async () => {
    monolith().behaviour = answer(200, { mysfitId: MYSFIT, likes: 1, alreadyLiked: false });
    const started = Date.now();
    let status = 503;
    while (status !== 200 && Date.now() - started < 10_000) {
      status = (await likeAs(randomUUID())).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect(Date.now() - started).toBeLessThan(HALF_OPEN_AFTER_MS + 1_000);
  });
});
