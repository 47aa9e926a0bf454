import autocannon from 'autocannon';
import { Window } from './cpu-profile';
import { LoadFigures } from './figures';
import { cpuMsBetween, readProcessTable, readResidentMiB, treeCpuTicks } from './proc';

export interface LoadSettings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

/** How a scenario is loaded: what autocannon sends, and for how many requests when not for a duration. */
export interface LoadPlan {
  url: string;
  /** Made afresh for the warm-up and for the measured window. */
  options?: () => Partial<autocannon.Options>;
  amounts?: { warmup: number; measured: number };
}

export interface Measured {
  load: LoadFigures;
  /** When the measured window ran, on the clock CPU profiles use. */
  window: Window;
  cpuMs: Map<number, number>;
  residentMiB: Map<number, number>;
}

/**
 * Warms up, then loads `plan` for the measured window, reading the CPU time of each process tree in
 * `pids` just before and just after that window, and their resident memory right after it.
 */
export async function measureLoad(
  plan: LoadPlan,
  pids: number[],
  settings: LoadSettings,
  ticksPerSecond: number,
): Promise<Measured> {
  const run = (window: { duration: number } | { amount: number }) =>
    autocannon({ url: plan.url, connections: settings.connections, ...plan.options?.(), ...window });
  await run(plan.amounts ? { amount: plan.amounts.warmup } : { duration: settings.warmupSeconds });

  const before = readProcessTable();
  const startUs = monotonicUs();
  const result = await run(plan.amounts ? { amount: plan.amounts.measured } : { duration: settings.seconds });
  const endUs = monotonicUs();
  const after = readProcessTable();
  return {
    load: loadFigures(result),
    window: { startUs, endUs },
    cpuMs: new Map(
      pids.map((pid) => [pid, cpuMsBetween(treeCpuTicks(before, pid), treeCpuTicks(after, pid), ticksPerSecond)]),
    ),
    residentMiB: new Map(pids.map((pid) => [pid, readResidentMiB(pid)])),
  };
}

function loadFigures(result: autocannon.Result): LoadFigures {
  const responses = result.requests.total;
  return {
    responses,
    seconds: result.duration,
    requestsPerSecond: responses / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
