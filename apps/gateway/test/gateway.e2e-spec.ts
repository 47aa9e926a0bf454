import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { freePort } from '../../../tools/engines/ports';
import { startTestApp } from '../../../test/support/http-app';
import { perDescribe } from '../../../test/support/per-describe';
import { GatewayModule } from '../src/gateway.module';

/** The gateway in front of three echo servers standing in for auth, monolith and like. */
interface Echo {
  upstream: string;
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const BACKENDS = ['auth', 'monolith', 'like'] as const;
type Backend = (typeof BACKENDS)[number];

async function startEcho(name: Backend): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
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
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The gateway, routing by k8s/base/ingress.yaml to echo servers of its own, one per backend. */
async function startGateway() {
  const port = await freePort();
  const echoes = new Map<Backend, Server>();
  const urls: Record<string, string> = {};
  for (const backend of BACKENDS) {
    const { server, url } = await startEcho(backend);
    echoes.set(backend, server);
    urls[`${backend.toUpperCase()}_URL`] = url;
  }
  const app = await startTestApp(
    GatewayModule,
    { title: 'gateway', openApiPath: '/openapi.json' },
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '61000',
      INGRESS_MANIFEST: join(__dirname, '../../../k8s/base/ingress.yaml'),
      ...urls,
    },
  );
  /** Stops one backend's echo server: the gateway then finds nothing listening there. */
  const stopBackend = (backend: Backend) =>
    new Promise<void>((resolve) => {
      const server = echoes.get(backend);
      if (server?.listening) server.close(() => resolve());
      else resolve();
    });
  return {
    app,
    gateway: `http://127.0.0.1:${port}`,
    stopBackend,
    stop: async () => {
      await app.close();
      for (const backend of BACKENDS) await stopBackend(backend);
    },
  };
}

describe('routing by the Ingress', () => {
  const started = perDescribe(startGateway);
  const gateway = () => request(started().gateway);

  it.each([
    ['POST', '/auth/login', 'auth'],
    ['GET', '/mysfits?filter=GoodEvil&value=Good', 'monolith'],
    ['POST', '/mysfits/abc/like', 'like'],
    ['POST', '/mysfits/abc/adopt', 'monolith'],
    ['GET', '/', 'monolith'],
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
    'answers %s itself with the Ingress fixed 404',
    async (url) => {
      const response = await gateway().post(url).expect(404);
      expect(response.body.code).toBe('ROUTE_NOT_FOUND');
    },
  );

  it('serves its own health and metrics on the admin port only', async () => {
    await request(started().app.getHttpServer()).get('/health/ready').expect(200);
    const metrics = await request(started().app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('gateway_routed_requests_total');
  });
});

describe('when a backend is down', () => {
  const started = perDescribe(startGateway);

  it('answers 503 UPSTREAM_UNAVAILABLE', async () => {
    await started().stopBackend('like');
    const response = await request(started().gateway).post('/mysfits/abc/like').expect(503);
    expect(response.body).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', requestId: expect.any(String) });
  });

  it('still routes to the others', async () => {
    await request(started().gateway).get('/mysfits').expect(200);
  });
});
