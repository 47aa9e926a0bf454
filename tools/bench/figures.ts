import { AppName } from '../apps';
import type { ProfileSummary, Window } from './cpu-profile';

/** What `npm run bench` loads, each through the gateway; see scenarios.ts for the requests. */
export const SCENARIOS = ['list', 'get-not-adopted', 'get-adopted', 'first-like', 'repeated-like', 'login'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Processes measured beside the apps; not budgeted, shown for where the rest of the time goes. */
export const ENGINES = ['dynamodb', 'postgres'] as const;
export type ProcessName = AppName | (typeof ENGINES)[number];

/** What tracing may add to a hop's CPU per request. */
export const TRACING_BUDGET = 0.1;

/** The apps a scenario's requests go through: the ones whose cost tracing may raise. */
export const HOPS: Record<ScenarioName, readonly AppName[]> = {
  list: ['gateway', 'monolith'],
  'get-not-adopted': ['gateway', 'monolith'],
  // auth only when a display name is not in the monolith's cache: not per request.
  'get-adopted': ['gateway', 'monolith'],
  'first-like': ['gateway', 'like', 'monolith'],
  'repeated-like': ['gateway', 'like', 'monolith'],
  login: ['gateway', 'auth'],
};

/** One measured window of load from one generator. */
export interface LoadFigures {
  responses: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
}

export interface ProcessFigures {
  /** CPU time of the process (all its threads) over the measured window. */
  cpuMs: number;
  /** Resident memory right after the window. */
  residentMiB: number;
}

export interface ScenarioFigures extends LoadFigures {
  scenario: ScenarioName;
  route: string;
  /** Answers that contradict the scenario (a first like reported as already liked, and the reverse). */
  unexpected: number;
  processes: Partial<Record<ProcessName, ProcessFigures>>;
  /** When the measured window ran (monotonic clock), to find it in CPU profiles. */
  window: Window;
}

/** One of the bench's bare node:http servers: the unit, or the SDK floor. */
export interface BareServerFigures extends LoadFigures {
  cpuMsPerRequest: number;
}

export interface PassFigures {
  /** The apps' tracing switch for this pass (OTEL_SDK_DISABLED). */
  tracing: 'off' | 'on';
  /** DynamoDB Local's own GetItem rate under the same load: no route that reads DynamoDB can beat it. */
  getItem: LoadFigures & { dynamodbCpuMsPerRequest: number };
  /**
   * One GetItem through the apps' DynamoDB client per request, from a bare node:http server: the least a
   * route that calls DynamoDB can cost its app.
   */
  sdkFloor: BareServerFigures;
  argon2: { parameters: string; verificationsPerSecond: number };
  scenarios: ScenarioFigures[];
  /** After every scenario of the pass. */
  residentMiB: Partial<Record<AppName, number>>;
}

export function cpuMsPerRequest(cpuMs: number, responses: number): number {
  if (responses <= 0) throw new Error('No responses to divide the CPU time by');
  return cpuMs / responses;
}

/** The unit of a run: the mean of its measurements, and how far apart they were (0.1 = 10 %). */
export function combineUnits(runs: BareServerFigures[]): { cpuMsPerRequest: number; spread: number } {
  if (runs.length === 0) throw new Error('The unit was not measured');
  const values = runs.map((run) => run.cpuMsPerRequest);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { cpuMsPerRequest: mean, spread: Math.max(...values) / Math.min(...values) - 1 };
}

/** CPU per request of one process in one scenario, as a multiple of the unit; undefined if not measured. */
export function unitMultiple(
  scenario: ScenarioFigures | undefined,
  process: ProcessName,
  unitCpuMsPerRequest: number,
): number | undefined {
  const figures = scenario?.processes[process];
  if (!scenario || !figures) return undefined;
  return cpuMsPerRequest(figures.cpuMs, scenario.responses) / unitCpuMsPerRequest;
}

/** Unattainable: missed, and below what the mandated packages alone cost (see evaluateBudgets). */
export type BudgetStatus = 'met' | 'missed' | 'unattainable' | 'not measured';

/** One budget of budgets.ts, judged against one run. */
export interface BudgetResult {
  budget: string;
  /** The measured figure, formatted, or '-' when not measured. */
  figure: string;
  limit: string;
  status: BudgetStatus;
}

/** Everything one `npm run bench` measured, as written to bench/results/<time>.json. */
export interface BenchRun {
  startedAt: string;
  node: string;
  cpus: number;
  /** One-minute load averages when the run started and when it ended: how busy the machine was. */
  loadAverage: { start: number; end: number };
  settings: Record<string, unknown>;
  npmStart?: { coldSeconds: number; warmSeconds: number };
  /** Measured before and after the passes; their mean is the unit. */
  unit: { runs: BareServerFigures[]; cpuMsPerRequest: number; spread: number };
  passes: (PassFigures & {
    /** Likes the mysfits gained in the like scenarios, against first likes sent and answered 200. */
    likes?: { counted: number; sent: number; answered: number };
    /** OTLP exports the trace sink received (tracing on only). */
    traceExports?: number;
    /** With BENCH_CPU_PROFILE: where each app spent its CPU in each scenario's measured window. */
    profiles?: { scenario: ScenarioName; app: AppName; summary: ProfileSummary }[];
  })[];
  budgets: BudgetResult[];
}
