import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startFakeAuthRpc } from '../../../test/support/fake-auth-rpc';
import { startTestApp } from '../../../test/support/http-app';
import { forgedTokens, TEST_ISSUER, TestKeys } from '../../../test/support/test-keys';
import { LikeModule } from '../src/like.module';

/**
 * The like service against a scripted monolith: each test says how the monolith answers, so the
 * timeouts, retries and error mapping can be checked exactly. (The system tests use the real one.)
 */
type Behaviour = (request: IncomingMessage, response: ServerResponse, body: string) => void;

const keys = new TestKeys();
const CLIENT_SECRET = 'like-secret';
const MYSFIT = randomUUID();
let app: NestFastifyApplication;
let monolith: Server;
let behaviour: Behaviour;
const calls: { headers: IncomingMessage['headers']; body: string; url?: string }[] = [];
const sockets = new Set<Socket>();
const stops: (() => Promise<void>)[] = [];
const http = () => request(app.getHttpServer());

const likeAs = (userId: string, mysfitId: string = MYSFIT) =>
  http()
    .post(`/mysfits/${mysfitId}/like`)
    .set('authorization', `Bearer ${keys.userToken(userId)}`);

const answer =
  (status: number, payload: object): Behaviour =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };

beforeAll(async () => {
  monolith = createServer((req, res) => {
    let body = '';
    req
      .on('data', (chunk) => (body += chunk))
      .on('end', () => {
        calls.push({ headers: req.headers, body, url: req.url });
        behaviour(req, res, body);
      });
  });
  monolith.on('connection', (socket) => sockets.add(socket.once('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => monolith.listen(0, '127.0.0.1', resolve));
  const jwks = await keys.serveJwks();
  const authRpc = await startFakeAuthRpc({
    issueServiceToken: (clientId, secret) =>
      clientId === 'like' && secret === CLIENT_SECRET ? keys.serviceToken('like') : undefined,
  });
  stops.push(jwks.close, authRpc.stop);
  app = await startTestApp(
    LikeModule,
    { title: 'like', openApiPath: '/openapi.json' },
    {
      MONOLITH_URL: `http://127.0.0.1:${(monolith.address() as AddressInfo).port}`,
      AUTH_GRPC_URL: authRpc.url,
      AUTH_JWKS_URL: jwks.url,
      JWT_ISSUER: TEST_ISSUER,
      SERVICE_CLIENT_SECRET: CLIENT_SECRET,
      MONOLITH_REQUEST_TIMEOUT_MS: '300',
      MONOLITH_TOTAL_BUDGET_MS: '2000',
    },
  );
});

beforeEach(() => {
  calls.length = 0;
});

afterAll(async () => {
  await app?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => monolith?.close(resolve));
  for (const stop of stops) await stop();
});

describe('POST /mysfits/:id/like', () => {
  it('asks the monolith to fulfil the like with its service token, the user and the request id', async () => {
    const userId = randomUUID();
    behaviour = answer(200, { mysfitId: MYSFIT, likes: 7, alreadyLiked: false });
    const response = await likeAs(userId).set('x-request-id', 'like-trace-1').expect(200);
    expect(response.body).toEqual({ mysfitId: MYSFIT, likes: 7, alreadyLiked: false });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(`/mysfits/${MYSFIT}/fulfill-like`);
    expect(JSON.parse(calls[0].body)).toEqual({ userId });
    expect(calls[0].headers['x-request-id']).toBe('like-trace-1');
    const [, payload] = String(calls[0].headers.authorization).replace('Bearer ', '').split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ client_id: 'like' });
  });

  it('passes alreadyLiked through for a repeated like', async () => {
    behaviour = answer(200, { mysfitId: MYSFIT, likes: 7, alreadyLiked: true });
    expect((await likeAs(randomUUID()).expect(200)).body.alreadyLiked).toBe(true);
  });

  it('answers 404 MYSFIT_NOT_FOUND when the monolith does, without retrying', async () => {
    behaviour = answer(404, { statusCode: 404, code: 'MYSFIT_NOT_FOUND', message: 'No mysfit' });
    expect((await likeAs(randomUUID()).expect(404)).body.code).toBe('MYSFIT_NOT_FOUND');
    expect(calls).toHaveLength(1);
  });

  it('retries a 503 and succeeds on a later attempt', async () => {
    let attempt = 0;
    behaviour = (req, res, body) =>
      ++attempt < 3
        ? answer(503, { code: 'BUSY' })(req, res, body)
        : answer(200, { mysfitId: MYSFIT, likes: 1, alreadyLiked: false })(req, res, body);
    await likeAs(randomUUID()).expect(200);
    expect(calls).toHaveLength(3);
  });

  it('answers 503 UPSTREAM_UNAVAILABLE after at most 3 attempts when the monolith keeps failing', async () => {
    behaviour = answer(500, { code: 'INTERNAL_ERROR' });
    const response = await likeAs(randomUUID()).expect(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'UPSTREAM_UNAVAILABLE' });
    expect(calls).toHaveLength(3);
  });

  it('answers 503 within the time budget when the monolith hangs', async () => {
    behaviour = () => undefined;
    const started = Date.now();
    expect((await likeAs(randomUUID()).expect(503)).body.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it.each(Object.entries(forgedTokens(keys, randomUUID())))('answers 401 to a token that is %s', async (_c, token) => {
    await http().post(`/mysfits/${MYSFIT}/like`).set('authorization', `Bearer ${token}`).expect(401);
    expect(calls).toHaveLength(0);
  });

  it('answers 401 without a token and 400 to a bad id, before calling the monolith', async () => {
    await http().post(`/mysfits/${MYSFIT}/like`).expect(401);
    expect((await likeAs(randomUUID(), 'nope').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(calls).toHaveLength(0);
  });
});

describe('when the monolith is down', () => {
  beforeAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => monolith.close(resolve));
  });

  it('answers 503 quickly, then fails fast once the breaker opens', async () => {
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      expect((await likeAs(randomUUID()).expect(503)).body.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(2_500);
    }
  });

  it('stays ready itself, so it can keep answering 503', async () => {
    await http().get('/health/ready').expect(200);
    await http().get('/health/live').expect(200);
  });
});
