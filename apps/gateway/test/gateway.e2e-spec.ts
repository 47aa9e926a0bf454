import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { freePort } from '../../../tools/engines/ports';
import { startTestApp } from '../../../test/support/http-app';
import { GatewayModule } from '../src/gateway.module';

/** The gateway in front of three echo servers standing in for auth, monolith and like. */
interface Echo {
  upstream: string;
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const servers: Server[] = [];
let app: NestFastifyApplication;
let gateway: string;

async function echo(name: string): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req
      .on('data', (chunk) => (body += chunk))
      .on('end', () => {
        const answer: Echo = { upstream: name, method: req.method!, url: req.url!, body, headers: req.headers };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const port = await freePort();
  gateway = `http://127.0.0.1:${port}`;
  app = await startTestApp(
    GatewayModule,
    { title: 'gateway', openApiPath: '/openapi.json' },
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      INGRESS_MANIFEST: join(__dirname, '../../../k8s/base/ingress.yaml'),
      AUTH_URL: await echo('auth'),
      MONOLITH_URL: await echo('monolith'),
      LIKE_URL: await echo('like'),
    },
  );
});

afterAll(async () => {
  await app?.close();
  for (const server of servers) server.close();
});

it.each([
  ['POST', '/auth/login', 'auth'],
  ['GET', '/mysfits?filter=GoodEvil&value=Good', 'monolith'],
  ['POST', '/mysfits/abc/like', 'like'],
  ['POST', '/mysfits/abc/adopt', 'monolith'],
  ['GET', '/', 'monolith'],
])('routes %s %s to %s with path and query intact', async (method, url, upstream) => {
  const response = await request(gateway)[method === 'GET' ? 'get' : 'post'](url).expect(200);
  expect(response.body).toMatchObject({ upstream, method, url });
});

it('streams the body and headers through, adding the request id and the client address', async () => {
  const response = await request(gateway)
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

it.each(['/mysfits/abc/fulfill-like', '/metrics', '/health/live'])(
  'answers %s itself with the Ingress fixed 404',
  async (url) => {
    const response = await request(gateway).post(url).expect(404);
    expect(response.body.code).toBe('ROUTE_NOT_FOUND');
  },
);

it('answers 503 UPSTREAM_UNAVAILABLE when a backend is down', async () => {
  const like = servers[2];
  await new Promise((resolve) => like.close(resolve));
  const response = await request(gateway).post('/mysfits/abc/like').expect(503);
  expect(response.body).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', requestId: expect.any(String) });
});

it('serves its own health and metrics on the admin port only', async () => {
  await request(app.getHttpServer()).get('/health/ready').expect(200);
  const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
  expect(metrics.text).toContain('gateway_routed_requests_total');
});
