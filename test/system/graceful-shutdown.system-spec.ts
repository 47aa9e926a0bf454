import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { createServer, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { builtEntryPoint } from '../../tools/apps';
import { freePort, freePorts, isListening, waitFor } from '../../tools/engines/ports';
import { scratchFolder } from '../../tools/engines/scratch-folder';
import { AppProcess, startApp } from '../../tools/launcher/app-process';
import { repoRoot } from '../../tools/launcher/repo';
import { FakeAuthRpc, startFakeAuthRpc } from '../support/fake-auth-rpc';
import { TEST_ISSUER, TestKeys } from '../support/test-keys';

/**
 * What `docker stop` and a Kubernetes rollout do to a service: SIGTERM while a request is in flight.
 * The built app must finish that request, refuse new connections, and exit 0 well within the grace
 * period: the like service (a Nest app, as every service is) and the gateway's own proxy.
 */
jest.setTimeout(60_000);

const logDir = scratchFolder('shutdown');
const address = (port: number) => `http://127.0.0.1:${port}`;
const listen = async (server: Server) => {
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return port;
};

afterAll(() => rmSync(logDir, { recursive: true, force: true }));

describe('the like service, stopped while a like is in flight', () => {
  const keys = new TestKeys();
  const mysfitId = randomUUID();
  const held: ServerResponse[] = [];
  const monolith = createServer((_request, response) => {
    held.push(response);
  });
  let jwks: { url: string; close(): Promise<void> };
  let authRpc: FakeAuthRpc;
  let like: AppProcess;
  let port: number;

  beforeAll(async () => {
    const monolithPort = await listen(monolith);
    jwks = await keys.serveJwks();
    authRpc = await startFakeAuthRpc({ issueServiceToken: () => keys.serviceToken('like') });
    let adminPort: number;
    [port, adminPort] = await freePorts(2);
    like = await startApp({
      name: 'like',
      entry: builtEntryPoint('like'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        ADMIN_PORT: String(adminPort),
        MONOLITH_URL: address(monolithPort),
        MONOLITH_REQUEST_TIMEOUT_MS: '30000',
        MONOLITH_TOTAL_BUDGET_MS: '30000',
        AUTH_GRPC_URL: authRpc.url,
        AUTH_JWKS_URL: jwks.url,
        JWT_ISSUER: TEST_ISSUER,
        SERVICE_CLIENT_SECRET: 'a-client-secret-for-this-test',
      },
      logFile: join(logDir, 'like.log'),
      readyUrl: `${address(adminPort)}/health/ready`,
    });
  });

  afterAll(async () => {
    await like?.stop();
    monolith.close();
    await jwks?.close();
    await authRpc?.stop();
  });

  it('finishes the like, refusing new connections meanwhile, then exits 0', async () => {
    const reachedMonolith = once(monolith, 'request');
    const inFlight = fetch(`${address(port)}/mysfits/${mysfitId}/like`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.userToken(randomUUID())}` },
    });
    await reachedMonolith;
    const stoppedAt = Date.now();
    const exitCode = like.stop();

    // The monolith answers only once like has stopped listening: the like was in flight all along.
    await waitFor('like to stop listening', async () => !(await isListening(port)), 10_000);
    expect(held).toHaveLength(1);
    held[0]
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ mysfitId, likes: 1, alreadyLiked: false }));

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mysfitId, likes: 1, alreadyLiked: false });
    expect(await exitCode).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  });
});

describe('the gateway, stopped while a request is in flight', () => {
  const UPSTREAM_DELAY_MS = 1_500;
  const upstream = createServer((_request, response) => {
    setTimeout(
      () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"slow":true}'),
      UPSTREAM_DELAY_MS,
    );
  });
  let gateway: AppProcess;
  let gatewayUrl: string;

  beforeAll(async () => {
    const upstreamUrl = address(await listen(upstream));
    const [port, adminPort] = await freePorts(2);
    gateway = await startApp({
      name: 'gateway',
      entry: builtEntryPoint('gateway'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        ADMIN_PORT: String(adminPort),
        INGRESS_MANIFEST: join(repoRoot(), 'k8s', 'base', 'ingress.yaml'),
        AUTH_URL: upstreamUrl,
        MONOLITH_URL: upstreamUrl,
        LIKE_URL: upstreamUrl,
      },
      logFile: join(logDir, 'gateway.log'),
      readyUrl: `${address(adminPort)}/health/ready`,
    });
    gatewayUrl = address(port);
  });

  afterAll(async () => {
    await gateway?.stop();
    upstream.close();
  });

  it('finishes the request in flight, then exits 0', async () => {
    const reachedUpstream = once(upstream, 'request');
    const inFlight = fetch(`${gatewayUrl}/mysfits`);
    await reachedUpstream;
    const stoppedAt = Date.now();
    const exitCode = gateway.stop();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ slow: true });
    expect(await exitCode).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    await expect(fetch(`${gatewayUrl}/mysfits`)).rejects.toThrow();
  });
});
