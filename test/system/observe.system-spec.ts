import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadRuleFiles } from '../../observability/prometheus/rule-files';
import { APPS } from '../../tools/apps';
import { findExecutable } from '../../tools/engines/executables';
import { freePort, waitFor } from '../../tools/engines/ports';
import { portEnv } from '../../tools/launcher/ports';
import { repoRoot } from '../../tools/launcher/repo';
import { narrow, startSystemUnderTest, systemKind, type SystemUnderTest } from './system-under-test';

/** `npm run observe` against the system `npm start` runs: Prometheus starts, loads the rules, scrapes every app. */
jest.setTimeout(180_000);

const OBSERVE = join(repoRoot(), 'dist', 'tools', 'observe', 'main.js');
const hasPrometheus = findExecutable('prometheus') !== undefined;

interface Observe {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function runObserve(env: NodeJS.ProcessEnv): Observe {
  const child = spawn(process.execPath, [OBSERVE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

it('npm run observe says in one line that Prometheus is missing, and exits 1', async () => {
  const observe = runObserve({ PATH: '/nonexistent' });
  expect(await observe.exited).toBe(1);
  expect(observe.output().trim().split('\n')).toEqual([expect.stringContaining('apt-get install prometheus')]);
});

if (!hasPrometheus) process.stdout.write('Skipping npm run observe against the system: no prometheus on PATH\n');

// The compose system has no launcher ports to read: npm run observe is for npm start.
(hasPrometheus && systemKind === 'embedded' ? describe : describe.skip)('npm run observe, beside npm start', () => {
  let system: SystemUnderTest;
  let observe: Observe;
  let prometheus: string;

  beforeAll(async () => {
    system = await startSystemUnderTest('observe');
    const embedded = narrow(system, 'embedded');
    const port = await freePort();
    prometheus = `http://127.0.0.1:${port}`;
    observe = runObserve({
      ...process.env,
      ...portEnv(embedded.launched.ports),
      MYSFITS_DATA_DIR: embedded.dataDir,
      PROMETHEUS_PORT: String(port),
    });
    const exited = new AbortController();
    void observe.exited.then(() => exited.abort());
    await waitFor(
      'npm run observe',
      async () => observe.output().includes('Press Ctrl-C'),
      60_000,
      exited.signal,
    ).catch(() => {
      throw new Error(`npm run observe did not start:\n${observe.output()}`);
    });
  }, 240_000);

  afterAll(async () => {
    observe?.child.kill('SIGINT');
    await observe?.exited;
    await system?.stop();
  });

  const api = async <T>(path: string): Promise<T> =>
    ((await (await fetch(`${prometheus}${path}`)).json()) as { data: T }).data;

  it('prints its URL', () => {
    expect(observe.output()).toContain(`Prometheus is running on http://localhost:${new URL(prometheus).port}`);
  });

  it('loads every rule group of the rule files', async () => {
    const expected = loadRuleFiles().flatMap((file) => file.groups.map((group) => group.name));
    const { groups } = await api<{ groups: { name: string; rules: unknown[] }[] }>('/api/v1/rules');
    expect(groups.map((g) => g.name).sort()).toEqual(expected.sort());
  });

  it('scrapes every app, and the requests each one served', async () => {
    type Sample = { metric: Record<string, string>; value: [number, string] };
    const query = (promql: string) => api<{ result: Sample[] }>(`/api/v1/query?query=${encodeURIComponent(promql)}`);
    await waitFor('a scrape of every app', async () => (await query('up == 1')).result.length === APPS.length, 60_000);
    const up = await query('up');
    expect(up.result.map((s) => [s.metric.job, s.value[1]]).sort()).toEqual(APPS.map((app) => [app, '1']).sort());
    // The API ports serve nothing but traffic (health and metrics are on the management ports): a request
    // through the gateway to each app gives every one a histogram.
    for (const [method, path] of [
      ['GET', '/mysfits'],
      ['GET', '/auth/.well-known/jwks.json'],
      ['POST', '/mysfits/00000000-0000-4000-8000-000000000000/like'],
    ]) {
      await fetch(`${system.gateway}${path}`, { method });
    }
    // The gateway's proxy is no Nest HTTP server: it counts the requests it routes (gateway_routed_requests_total).
    const histograms = () =>
      query('count by (job) ({__name__=~"http_server_request_duration_seconds_count|gateway_routed_requests_total"})');
    await waitFor(
      'a scrape of every histogram',
      async () => (await histograms()).result.length === APPS.length,
      60_000,
    ).catch(() => undefined);
    expect((await histograms()).result.map((s) => s.metric.job).sort()).toEqual([...APPS].sort());
  });
});
