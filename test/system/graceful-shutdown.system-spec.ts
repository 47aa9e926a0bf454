import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import { freePort } from '../../tools/engines/ports';
import { scratchFolder } from '../../tools/engines/scratch-folder';
import { AppProcess, startApp } from '../../tools/launcher/app-process';
import { builtEntryPoint } from '../../tools/apps';

/**
 * What `docker stop` and a Kubernetes rollout do to a service: SIGTERM while a request is in flight.
 * The built gateway (every app shares this shutdown path) must finish that request, refuse new
 * connections, and exit 0 well within the grace period.
 */
jest.setTimeout(60_000);

const UPSTREAM_DELAY_MS = 1_500;
const logDir = scratchFolder('shutdown');
let upstream: Server;
let gateway: AppProcess;
let gatewayUrl: string;

beforeAll(async () => {
  upstream = createServer((_request, response) => {
    setTimeout(
      () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"slow":true}'),
      UPSTREAM_DELAY_MS,
    );
  });
  const upstreamPort = await freePort();
  await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
  const [port, adminPort] = [await freePort(), await freePort()];
  const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
  gateway = await startApp({
    name: 'gateway',
    entry: builtEntryPoint('gateway'),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ADMIN_PORT: String(adminPort),
      INGRESS_MANIFEST: join(__dirname, '../../k8s/base/ingress.yaml'),
      AUTH_URL: upstreamUrl,
      MONOLITH_URL: upstreamUrl,
      LIKE_URL: upstreamUrl,
    },
    logFile: join(logDir, 'gateway.log'),
    readyUrl: `http://127.0.0.1:${adminPort}/health/ready`,
  });
  gatewayUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await gateway?.stop();
  upstream.close();
  rmSync(logDir, { recursive: true, force: true });
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
