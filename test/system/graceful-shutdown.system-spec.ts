import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import { freePort, waitFor } from '../../tools/engines/ports';
import { repoRoot } from '../../tools/launcher/repo';

/**
 * What `docker stop` and a Kubernetes rollout do to a service: SIGTERM while a request is in flight.
 * The built gateway (every app shares this shutdown path) must finish that request, refuse new
 * connections, and exit 0 well within the grace period.
 */
jest.setTimeout(60_000);

const UPSTREAM_DELAY_MS = 1_500;
let upstream: Server;
let gateway: ChildProcess;
let gatewayUrl: string;
let exitCode: Promise<number | null>;

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
  gateway = spawn(process.execPath, [join(repoRoot(), 'dist', 'apps', 'gateway', 'src', 'main.js')], {
    cwd: repoRoot(),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ADMIN_PORT: String(adminPort),
      AUTH_URL: upstreamUrl,
      MONOLITH_URL: upstreamUrl,
      LIKE_URL: upstreamUrl,
    },
    stdio: 'ignore',
  });
  exitCode = new Promise((resolve) => gateway.once('exit', (code) => resolve(code)));
  gatewayUrl = `http://127.0.0.1:${port}`;
  const ready = async () => (await fetch(`http://127.0.0.1:${adminPort}/health/ready`)).ok;
  await waitFor('gateway', ready, 30_000);
});

afterAll(() => {
  gateway.kill('SIGKILL');
  upstream.close();
});

it('finishes the request in flight, then exits 0', async () => {
  const inFlight = fetch(`${gatewayUrl}/mysfits`);
  await new Promise((resolve) => setTimeout(resolve, UPSTREAM_DELAY_MS / 3));
  const stoppedAt = Date.now();
  gateway.kill('SIGTERM');

  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ slow: true });
  expect(await exitCode).toBe(0);
  expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  await expect(fetch(`${gatewayUrl}/mysfits`)).rejects.toThrow();
});
