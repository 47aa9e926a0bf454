import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../../engines/ports';
import { AppProcess, startApp } from '../../launcher/app-process';
import { repoRoot } from '../../launcher/repo';

/**
 * Maintenance without a code change: the built gateway, given the Ingress the maintenance component
 * renders (as INGRESS_MANIFEST=… npm start gives it), answers every request with the fixed 503 and
 * reaches no service.
 */
// Each test runs processes or many password checks, on a machine that may be busy.
jest.setTimeout(60_000);

let gateway: AppProcess;
let base: string;
const folder = mkdtempSync(join(tmpdir(), 'maintenance-'));

beforeAll(async () => {
  const manifest = join(folder, 'maintenance-ingress.yaml');
  writeFileSync(manifest, execFileSync('kubectl', ['kustomize', join(repoRoot(), 'k8s', 'cutover', 'local')]));
  const [port, adminPort, nothing] = await freePorts(3);
  base = `http://127.0.0.1:${port}`;
  gateway = await startApp({
    name: 'gateway',
    entry: join(repoRoot(), 'dist', 'apps', 'gateway', 'src', 'main.js'),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ADMIN_PORT: String(adminPort),
      INGRESS_MANIFEST: manifest,
      // Upstreams where nothing listens: a request that reached one would fail with another status.
      AUTH_URL: `http://127.0.0.1:${nothing}`,
      MONOLITH_URL: `http://127.0.0.1:${nothing}`,
      LIKE_URL: `http://127.0.0.1:${nothing}`,
    },
    logFile: join(folder, 'gateway.log'),
    readyUrl: `http://127.0.0.1:${adminPort}/health/ready`,
  });
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  rmSync(folder, { recursive: true, force: true });
});

it.each([
  ['GET', '/'],
  ['GET', '/mysfits'],
  ['POST', '/auth/login'],
  ['POST', '/mysfits/776cd5a6-b67e-5a70-a29f-f05a120ba6ea/like'],
  ['GET', '/health/ready'],
])('answers %s %s with the fixed 503', async (method, path) => {
  const response = await fetch(`${base}${path}`, { method });
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  // The local gateway adds the request id to the ALB's fixed body, as it does to every answer of its own.
  expect(await response.json()).toEqual({
    statusCode: 503,
    code: 'MAINTENANCE',
    message: expect.any(String),
    requestId: response.headers.get('x-request-id'),
  });
});
