import { Agent, createServer, IncomingMessage, request as httpRequest, RequestOptions, Server } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { freePort } from '../../../tools/engines/ports';
import { management, startStandaloneTestApp } from '../../../test/support/http-app';
import { itRefusesOversizedHeads } from '../../../test/support/oversized-head';
import { perDescribe } from '../../../test/support/per-describe';
import { GatewayModule } from '../src/gateway.module';
import { LINGER_MS } from '../src/proxy';

/**
 * The gateway in front of three stand-ins for auth, monolith and like. Each echoes what it got, unless
 * the query asks otherwise: `?behave=hang` never answers, `?behave=refuse` answers 401 at once, without
 * reading the body.
 */
interface Echo {
  upstream: string;
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const BACKENDS = ['auth', 'monolith', 'like'] as const;
type Backend = (typeof BACKENDS)[number];
const MYSFIT = '4e53920c-505a-4a90-a694-b9300791f0ae';
const TIMEOUT_MS = 1_500;
const LIKE_TIMEOUT_MS = 600;

interface StandIn {
  server: Server;
  url: string;
  /** Every request that reached it, by URL. */
  seen: string[];
}

async function startStandIn(name: Backend): Promise<StandIn> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const behave = new URL(req.url ?? '/', 'http://x').searchParams.get('behave');
    if (behave === 'hang') return;
    if (behave === 'refuse') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":"TOKEN_MISSING"}');
      return;
    }
    let body = '';
    req
      .on('data', (chunk: Buffer) => (body += chunk.toString()))
      .on('end', () => {
        const answer: Echo = {
          upstream: name,
          method: req.method ?? '',
          url: req.url ?? '',
          body,
          headers: req.headers,
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The gateway, routing by k8s/base/ingress.yaml to stand-ins of its own, one per backend. */
async function startGateway() {
  const port = await freePort();
  const standIns = new Map<Backend, StandIn>();
  const urls: Record<string, string> = {};
  for (const backend of BACKENDS) {
    const standIn = await startStandIn(backend);
    standIns.set(backend, standIn);
    urls[`${backend.toUpperCase()}_URL`] = standIn.url;
  }
  const app = await startStandaloneTestApp(GatewayModule, {
    PORT: String(port),
    HOST: '127.0.0.1',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '61000',
    INGRESS_MANIFEST: join(__dirname, '../../../k8s/base/ingress.yaml'),
    UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
    UPSTREAM_ROUTE_TIMEOUTS_MS: `/mysfits/*/like=${LIKE_TIMEOUT_MS}`,
    ...urls,
  });
  /** Stops one backend's stand-in: the gateway then finds nothing listening there. */
  const stopBackend = (backend: Backend) =>
    new Promise<void>((resolve) => {
      const server = standIns.get(backend)?.server;
      server?.closeAllConnections();
      if (server?.listening) server.close(() => resolve());
      else resolve();
    });
  return {
    app,
    port,
    gateway: `http://127.0.0.1:${port}`,
    /** Every request any stand-in got. */
    reachedUpstream: () => [...standIns.values()].flatMap((standIn) => standIn.seen),
    stopBackend,
    stop: async () => {
      await app.close();
      for (const backend of BACKENDS) await stopBackend(backend);
    },
  };
}

const errorShape = (statusCode: number, code: string) => ({
  statusCode,
  code,
  message: expect.any(String),
  requestId: expect.any(String),
});

interface Exchange {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** One keep-alive connection at a time, counting the connections it opens. */
class OneConnection extends Agent {
  opened = 0;

  constructor() {
    super({ keepAlive: true, maxSockets: 1 });
  }

  override createConnection(...args: Parameters<Agent['createConnection']>): ReturnType<Agent['createConnection']> {
    this.opened++;
    return super.createConnection(...args);
  }
}

/**
 * One request with Node's client on `agent` (one keep-alive socket), its body written by `send` (all of
 * it by default); resolves with the answer, or rejects after `timeoutMs`: a hanging connection fails.
 */
function exchange(
  port: number,
  agent: Agent,
  options: RequestOptions & { body?: Buffer | string; send?: (request: ReturnType<typeof httpRequest>) => void },
  timeoutMs = 5_000,
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, agent, ...options }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    if (options.send) options.send(req);
    else req.end(options.body);
  });
}

describe('routing by the Ingress', () => {
  const started = perDescribe(startGateway);
  const gateway = () => request(started().gateway);

  it.each([
    ['POST', '/auth/login', 'auth'],
    ['GET', '/mysfits?filter=GoodEvil&value=Good', 'monolith'],
    ['POST', `/mysfits/${MYSFIT}/like`, 'like'],
    ['POST', '/mysfits/abc/adopt', 'monolith'],
    ['GET', '/', 'monolith'],
    ['GET', '/caf%C3%A9?q=a+b%20c', 'monolith'],
  ])('routes %s %s to %s with path and query intact', async (method, url, upstream) => {
    const response = await gateway()[method === 'GET' ? 'get' : 'post'](url).expect(200);
    expect(response.body).toMatchObject({ upstream, method, url });
  });

  it('streams the body and headers through, adding the request id and the client address', async () => {
    const response = await gateway()
      .post('/auth/register')
      .set('x-request-id', 'gateway-trace-7')
      .set('authorization', 'Bearer t')
      .send({ hello: 'world' })
      .expect(200);
    expect(JSON.parse(response.body.body)).toEqual({ hello: 'world' });
    expect(response.body.headers).toMatchObject({
      'x-request-id': 'gateway-trace-7',
      authorization: 'Bearer t',
      'x-forwarded-for': '127.0.0.1',
    });
    expect(response.headers['x-request-id']).toBe('gateway-trace-7');
  });

  it('keeps idle client connections open for HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    // On an answer of the gateway's own: a proxied one carries the upstream's Keep-Alive header.
    const response = await gateway().get('/metrics').set('connection', 'keep-alive').expect(404);
    expect(response.headers['keep-alive']).toBe('timeout=61');
  });

  it.each(['/mysfits/abc/fulfill-like', '/metrics', '/health/live'])(
    'answers %s itself with the Ingress fixed 404, with a request id',
    async (url) => {
      const response = await gateway().post(url).set('x-request-id', 'fixed-404-trace').expect(404);
      expect(response.body).toEqual({
        statusCode: 404,
        code: 'ROUTE_NOT_FOUND',
        message: 'Not found',
        requestId: 'fixed-404-trace',
      });
    },
  );

  it('serves its own health and metrics on the management port only', async () => {
    await management(started().app).get('/health/ready').expect(200);
    const metrics = await management(started().app).get('/metrics').expect(200);
    // The fixed 404s answered above, timed by Ingress path.
    expect(metrics.text).toMatch(
      /^gateway_routed_request_duration_seconds_count\{[^}]*ingress_path="\/metrics",backend="fixed-response",status_code="404"\} [1-9]/m,
    );
  });
});

describe('paths matched as the services decode them', () => {
  const started = perDescribe(startGateway);
  const gateway = () => request(started().gateway);

  it.each([
    ['POST', `/mysfits/${MYSFIT}/%66ulfill-like`],
    ['POST', `/mysfits/${MYSFIT}/fulfill%2Dlike`],
    ['GET', '/%6detrics'],
    ['GET', '/%68ealth/ready'],
  ])('answers %s %s with the fixed 404, and no upstream sees it', async (method, url) => {
    const reachedBefore = started().reachedUpstream().length;
    const response = await gateway()[method === 'GET' ? 'get' : 'post'](url).expect(404);
    expect(response.body).toEqual(errorShape(404, 'ROUTE_NOT_FOUND'));
    expect(started().reachedUpstream().slice(reachedBefore)).toEqual([]);
  });

  it('routes an encoded like to like, as like will serve it', async () => {
    const response = await gateway().post(`/mysfits/${MYSFIT}/%6Cike`).expect(200);
    expect(response.body).toMatchObject({ upstream: 'like', url: `/mysfits/${MYSFIT}/%6Cike` });
  });

  it.each([
    ['a malformed escape in the query', '/mysfits?filter=%', 'MALFORMED_QUERY'],
    ['a malformed escape in the path', '/mysfits/%zz', 'MALFORMED_PATH'],
    ['an encoded /', `/mysfits/x%2Ffulfill-like`, 'MALFORMED_PATH'],
    ['an encoded \\', '/mysfits%5Cx', 'MALFORMED_PATH'],
    ['a .. segment', '/mysfits/../metrics', 'MALFORMED_PATH'],
    ['an encoded .. segment', '/mysfits/%2e%2e/metrics', 'MALFORMED_PATH'],
    ['a raw #', `/mysfits/${MYSFIT}/fulfill-like#x`, 'MALFORMED_PATH'],
  ])('answers %s with 400 in the API shape', async (_case, path) => {
    const reachedBefore = started().reachedUpstream().length;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const answer = await exchange(started().port, agent, { method: 'GET', path });
    agent.destroy();
    expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
      status: 400,
      body: errorShape(400, expect.stringMatching(/^MALFORMED_(PATH|QUERY)$/) as unknown as string),
    });
    expect(started().reachedUpstream().slice(reachedBefore)).toEqual([]);
  });
});

describe('bodies and headers at the limits', () => {
  const started = perDescribe(startGateway);
  const oversized = Buffer.alloc(1_100_000, 'a');
  let agent: OneConnection;
  beforeEach(() => {
    agent = new OneConnection();
  });
  afterEach(() => agent.destroy());
  const post = (path: string, options: Partial<Parameters<typeof exchange>[2]> = {}) =>
    exchange(started().port, agent, {
      method: 'POST',
      path,
      ...options,
      headers: { 'content-type': 'application/json', ...(options.headers as Record<string, string> | undefined) },
    });

  it('forwards a body sent with Expect: 100-continue', async () => {
    const answer = await post('/auth/login', {
      headers: { 'content-type': 'application/json', expect: '100-continue', 'content-length': '7' },
      send: (req) => req.once('continue', () => req.end('{"a":1}')),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ upstream: 'auth', body: '{"a":1}' });
  });

  it('refuses an oversized body announced with Expect: 100-continue before it is sent', async () => {
    let continued = false;
    const answer = await post('/auth/login', {
      headers: {
        'content-type': 'application/json',
        expect: '100-continue',
        'content-length': String(oversized.length),
      },
      send: (req) => req.once('continue', () => (continued = true)).flushHeaders(),
    });
    expect({ status: answer.status, continued }).toEqual({ status: 413, continued: false });
    expect(JSON.parse(answer.body)).toEqual(errorShape(413, 'PAYLOAD_TOO_LARGE'));
  });

  it('answers twelve 1.1 MB bodies in a row on one connection with 413, and the connection goes on', async () => {
    const reachedBefore = started().reachedUpstream().length;
    for (let i = 0; i < 12; i++) {
      const answer = await post('/auth/login', { body: oversized });
      expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
        status: 413,
        body: errorShape(413, 'PAYLOAD_TOO_LARGE'),
      });
    }
    const next = await exchange(started().port, agent, { method: 'GET', path: '/mysfits' });
    expect({ status: next.status, connections: agent.opened }).toEqual({ status: 200, connections: 1 });
    expect(started().reachedUpstream().slice(reachedBefore)).toEqual(['/mysfits']);
  });

  it('refuses a chunked body once it grows past the limit, reads the rest and keeps the connection', async () => {
    const answer = await post('/auth/login', {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      send: (req) => {
        req.write(oversized.subarray(0, 10_000));
        setImmediate(() => req.end(oversized.subarray(10_000, 40_000)));
      },
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual(errorShape(413, 'PAYLOAD_TOO_LARGE'));
    const next = await exchange(started().port, agent, { method: 'GET', path: '/mysfits' });
    expect({ status: next.status, connections: agent.opened }).toEqual({ status: 200, connections: 1 });
  });

  it("passes on an upstream's early refusal, reads the rest of the body and keeps the connection", async () => {
    const body = Buffer.alloc(12_000, 'b');
    let answered!: () => void;
    const refused = new Promise<void>((resolve) => (answered = resolve));
    const answer = await post('/auth/login?behave=refuse', {
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      send: (req) => {
        req.write(body.subarray(0, 4_000));
        req.once('response', () => answered());
        void refused.then(() => req.end(body.subarray(4_000)));
      },
    });
    expect({ status: answer.status, body: answer.body, connection: answer.headers.connection }).toEqual({
      status: 401,
      body: '{"code":"TOKEN_MISSING"}',
      connection: 'keep-alive',
    });
    const next = await exchange(started().port, agent, { method: 'GET', path: '/mysfits' });
    expect({ status: next.status, connections: agent.opened }).toEqual({ status: 200, connections: 1 });
  });

  it("passes on an upstream's early refusal of a chunked body, reads the rest and keeps the connection", async () => {
    const answer = await post('/auth/login?behave=refuse', {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      send: (req) => {
        req.write('{"partial":');
        req.once('response', () => req.end('true}'));
      },
    });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 401, body: '{"code":"TOKEN_MISSING"}' });
    const next = await exchange(started().port, agent, { method: 'GET', path: '/mysfits' });
    expect({ status: next.status, connections: agent.opened }).toEqual({ status: 200, connections: 1 });
  });
});

/** A raw connection that may go on sending after the server has finished its side (a half-close). */
class RawConnection {
  private readonly socket: Socket;
  private received = '';
  private readonly closed: Promise<{ error?: string }>;

  constructor(port: number) {
    this.socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    this.socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    // Once the server has finished its side, this side finishes too, after whatever it is still writing.
    this.socket.on('end', () => this.socket.end());
    this.closed = new Promise((resolve) => {
      this.socket.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
      this.socket.once('close', () => resolve({}));
    });
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (error) => (error ? reject(error) : resolve())));
  }

  /** The first answer, once its head and as many bytes as its content-length have come. */
  async answer(timeoutMs = 5_000): Promise<{ head: string; body: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const headEnd = this.received.indexOf('\r\n\r\n');
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(this.received)?.[1] ?? NaN);
      if (headEnd >= 0 && this.received.length >= headEnd + 4 + length) {
        return { head: this.received.slice(0, headEnd), body: this.received.slice(headEnd + 4, headEnd + 4 + length) };
      }
      if (Date.now() > deadline) throw new Error(`no whole answer within ${timeoutMs} ms: ${this.received}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** How the connection ended (the error's code for a reset), and when. */
  whenClosed(): Promise<{ error?: string; at: number }> {
    return this.closed.then((how) => ({ ...how, at: Date.now() }));
  }
}

describe('a body refused without the 100 its client asked for', () => {
  const started = perDescribe(startGateway);
  const body = Buffer.alloc(1_100_000, 'z');
  const head = (length: number) =>
    `POST /auth/login HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
    `expect: 100-continue\r\ncontent-length: ${length}\r\n\r\n`;

  it('is answered 413, and the connection closes only once the client has sent it all the same', async () => {
    const connection = new RawConnection(started().port);
    await connection.write(head(body.length) + body.subarray(0, 64_000).toString('latin1'));
    const answer = await connection.answer();
    expect(answer.head).toMatch(/^HTTP\/1\.1 413 .*\r\nconnection: close\r\n/is);
    expect(JSON.parse(answer.body)).toEqual(errorShape(413, 'PAYLOAD_TOO_LARGE'));
    // Closed at once, the server's side would answer these bytes with a reset.
    await connection.write(body.subarray(64_000));
    expect(await connection.whenClosed()).toEqual({ at: expect.any(Number) });
  });

  it(
    'is answered 413 at once, and the connection closes within a while if the body never comes',
    async () => {
      const connection = new RawConnection(started().port);
      const sentAt = Date.now();
      await connection.write(head(body.length));
      const answer = await connection.answer();
      expect(answer.head).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer.head).not.toMatch(/100 Continue/);
      const closed = await connection.whenClosed();
      expect(closed).toEqual({ at: expect.any(Number) });
      expect(closed.at - sentAt).toBeLessThan(LINGER_MS + 3_000);
    },
    LINGER_MS + 10_000,
  );
});

describe('oversized request heads', () => {
  const started = perDescribe(startGateway);

  // /metrics is answered by the gateway itself (the Ingress's fixed 404), so no upstream reads the head.
  itRefusesOversizedHeads(() => started().port, '/metrics');
});

describe('upstream timeouts, per route', () => {
  const started = perDescribe(startGateway);

  it.each([
    ['GET /mysfits', 'GET', '/mysfits?behave=hang', TIMEOUT_MS],
    ['POST /mysfits/:id/like', 'POST', `/mysfits/${MYSFIT}/like?behave=hang`, LIKE_TIMEOUT_MS],
  ])('answers 504 UPSTREAM_TIMEOUT when %s hangs, after its route timeout', async (_route, method, path, timeout) => {
    const startedAt = Date.now();
    const response = await request(started().gateway)[method === 'GET' ? 'get' : 'post'](path).expect(504);
    const waited = Date.now() - startedAt;
    expect(response.body).toEqual(errorShape(504, 'UPSTREAM_TIMEOUT'));
    expect(waited).toBeGreaterThanOrEqual(timeout - 50);
    expect(waited).toBeLessThan(timeout + 2_000);
  });
});

describe('when a backend is down', () => {
  const started = perDescribe(startGateway);

  it('answers 503 UPSTREAM_UNAVAILABLE', async () => {
    await started().stopBackend('like');
    const response = await request(started().gateway).post(`/mysfits/${MYSFIT}/like`).expect(503);
    expect(response.body).toEqual(errorShape(503, 'UPSTREAM_UNAVAILABLE'));
  });

  it('still routes to the others', async () => {
    await request(started().gateway).get('/mysfits').expect(200);
  });
});
