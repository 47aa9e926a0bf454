import { readFileSync, rmSync } from 'node:fs';
import autocannon, { Request } from 'autocannon';
import { scratchFolder } from '../engines/scratch-folder';
import { freeSystemPorts } from '../launcher/ports';
import { startSystem } from '../launcher/system';

/**
 * `npm run bench`: starts the system in a throwaway data folder, then measures each route through the
 * gateway and straight to the service behind it, in one run so that the ratios are comparable.
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune the load; BENCH_USERS the likers.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const USERS = Number(process.env.BENCH_USERS ?? 100);

interface Row {
  scenario: string;
  target: string;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function main(): Promise<void> {
  const dataDir = scratchFolder('bench');
  const ports = await freeSystemPorts();
  process.stdout.write('Starting the system...\n');
  const system = await startSystem({ dataDir, ports, logLevel: 'warn' });
  try {
    const gateway = `http://127.0.0.1:${ports.gateway}`;
    const mysfitIds = (
      (await (await fetch(`${gateway}/mysfits`)).json()) as { mysfits: { mysfitId: string }[] }
    ).mysfits.map((mysfit) => mysfit.mysfitId);
    process.stdout.write(`Signing up ${USERS} users...\n`);
    const tokens = await signUp(gateway, USERS);
    const likeRequests: Request[] = tokens.map((token, index) => ({
      method: 'POST',
      path: `/mysfits/${mysfitIds[index % mysfitIds.length]}/like`,
      headers: { authorization: `Bearer ${token}` },
    }));

    const direct = (port: number) => `http://127.0.0.1:${port}`;
    const scenarios: [string, string, string, Request[] | undefined][] = [
      ['GET /mysfits', 'gateway', `${gateway}/mysfits`, undefined],
      ['GET /mysfits', 'monolith', `${direct(ports.monolith)}/mysfits`, undefined],
      ['GET /mysfits/:id', 'gateway', `${gateway}/mysfits/${mysfitIds[0]}`, undefined],
      ['GET /mysfits/:id', 'monolith', `${direct(ports.monolith)}/mysfits/${mysfitIds[0]}`, undefined],
      ['POST /mysfits/:id/like', 'gateway', gateway, likeRequests],
      ['POST /mysfits/:id/like', 'like', direct(ports.like), likeRequests],
    ];
    const rows: Row[] = [];
    for (const [scenario, target, url, requests] of scenarios) {
      process.stdout.write(`${scenario} via ${target}: ${SECONDS} s...\n`);
      const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
      rows.push({
        scenario,
        target,
        requestsPerSecond: Math.round(result.requests.average),
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    }
    process.stdout.write(`\n${table(rows)}\n\nResident memory after the run:\n`);
    for (const app of system.apps) process.stdout.write(`  ${app.name.padEnd(9)} ${residentMiB(app.pid)} MiB\n`);
  } finally {
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signUp(gateway: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 0; index < count; index++) {
    const credentials = { email: `bench-${index}@example.com`, password: 'bench password' };
    const post = (path: string, body: object) =>
      fetch(`${gateway}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/auth/register', { ...credentials, displayName: `Bench ${index}` });
    tokens.push(((await (await post('/auth/login', credentials)).json()) as { accessToken: string }).accessToken);
  }
  return tokens;
}

function residentMiB(pid: number): string {
  const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return (kib / 1024).toFixed(0);
}

function table(rows: Row[]): string {
  const header = ['route', 'via', 'req/s', 'p99 ms', 'non-2xx', 'errors'];
  const lines = rows.map((row) => [
    row.scenario,
    row.target,
    String(row.requestsPerSecond),
    String(row.p99Ms),
    String(row.non2xx),
    String(row.errors),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  return [header, ...lines]
    .map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join('  '))
    .join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`Bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
