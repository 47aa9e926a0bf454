import autocannon from 'autocannon';
import { Window } from './cpu-profile';
import { LoadFigures } from './figures';
import { cpuMsBetween, readProcessTable, readResidentMiB, treeCpuTicks } from './proc';

export interface LoadSettings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /**
   * Requests per second across all connections, when the load must not follow the system's own pace: an
   * app's CPU per request falls as its request rate rises (more requests share each wake-up of its event
   * loop), so two systems are compared at one rate. Unset, each connection sends as soon as answered.
   */
  requestsPerSecond?: number;
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
  await warmUp(plan, settings);
  return measureWindow(plan, pids, settings, ticksPerSecond);
}

/** Loads `plan` for the warm-up, unmeasured; returns the rate it reached. */
export async function warmUp(plan: LoadPlan, settings: LoadSettings): Promise<number> {
  const result = await runLoad(
    plan,
    settings,
    plan.amounts ? { amount: plan.amounts.warmup } : { duration: settings.warmupSeconds },
  );
  return loadFigures(result).requestsPerSecond;
}

/** One measured window of `plan` (with no warm-up): `amount` requests when given, else the plan's. */
export async function measureWindow(
  plan: LoadPlan,
  pids: number[],
  settings: LoadSettings,
  ticksPerSecond: number,
  amount = plan.amounts?.measured,
): Promise<Measured> {
  const before = readProcessTable();
  const startUs = monotonicUs();
  const result = await runLoad(plan, settings, amount === undefined ? { duration: settings.seconds } : { amount });
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

function runLoad(
  plan: LoadPlan,
  settings: LoadSettings,
  window: { duration: number } | { amount: number },
): Promise<autocannon.Result> {
  const rate = settings.requestsPerSecond === undefined ? {} : { overallRate: settings.requestsPerSecond };
  return autocannon({ url: plan.url, connections: settings.connections, ...plan.options?.(), ...rate, ...window });
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
