import { AppName, APPS } from '../apps';
import { BudgetResult, PassFigures, SCENARIOS, ScenarioName, unitMultiple } from './figures';

interface CpuBudget {
  app: AppName;
  what: string;
  scenarios: readonly ScenarioName[];
  /** Most CPU per request allowed, in units (the bare node:http server's CPU per request). */
  maxUnits: number;
  /** Each request makes at least one DynamoDB call, so it cannot cost less than the SDK floor. */
  callsDynamoDb?: true;
}

/** CPU in each app's own process per request, as multiples of the unit measured in the same run. */
export const CPU_BUDGETS: readonly CpuBudget[] = [
  { app: 'gateway', what: 'per proxied request', scenarios: SCENARIOS, maxUnits: 5 },
  { app: 'like', what: 'per first like', scenarios: ['first-like'], maxUnits: 15 },
  {
    app: 'monolith',
    what: 'per fulfill-like',
    scenarios: ['first-like', 'repeated-like'],
    maxUnits: 20,
    callsDynamoDb: true,
  },
  {
    app: 'monolith',
    what: 'per GET /mysfits/:id',
    scenarios: ['get-not-adopted', 'get-adopted'],
    maxUnits: 15,
    callsDynamoDb: true,
  },
  { app: 'auth', what: 'per read of an adopted mysfit', scenarios: ['get-adopted'], maxUnits: 5 },
];
export const MAX_RESIDENT_MIB = 150;
export const MAX_WARM_START_SECONDS = 10;
/** Login throughput as a share of the argon2id verifications per second this machine manages. */
export const MIN_LOGIN_SHARE_OF_ARGON2 = 0.9;
/** Twice the 77 req/s the like path made through the gateway before its hot path was looked at. */
export const MIN_LIKE_PATH_REQUESTS_PER_SECOND = 2 * 77;
/** "Adopted reads match unadopted ones": at least this share of the unadopted read rate. */
export const MIN_ADOPTED_READ_SHARE = 0.9;

export interface BudgetInput {
  unitCpuMsPerRequest: number;
  pass: PassFigures;
  /** `npm start` from warm to every app ready; undefined when not measured. */
  warmStartSeconds: number | undefined;
}

/**
 * Every budget, marked met or missed (or not measured, when its scenario did not run). A CPU budget of a
 * route that calls DynamoDB is marked unattainable when it is missed and one GetItem through the SDK, from
 * a bare server, already costs more than the budget allows: no change to the route could meet it.
 */
export function evaluateBudgets({ unitCpuMsPerRequest, pass, warmStartSeconds }: BudgetInput): BudgetResult[] {
  const scenario = (name: ScenarioName) => pass.scenarios.find((figures) => figures.scenario === name);
  const results: BudgetResult[] = [];
  type Format = (value: number) => string;
  const add = (
    budget: string,
    value: number | undefined,
    limit: string,
    met: (value: number) => boolean,
    format: Format,
  ) =>
    results.push(
      value === undefined
        ? { budget, figure: '-', limit, status: 'not measured' }
        : { budget, figure: format(value), limit, status: met(value) ? 'met' : 'missed' },
    );
  const atMost = (budget: string, value: number | undefined, max: number, format: Format) =>
    add(budget, value, `≤ ${format(max)}`, (measured) => measured <= max, format);
  const atLeast = (budget: string, value: number | undefined, min: number, format: Format) =>
    add(budget, value, `≥ ${format(min)}`, (measured) => measured >= min, format);

  const units = (value: number) => `${value.toFixed(1)}×`;
  const sdkFloorUnits = pass.sdkFloor.cpuMsPerRequest / unitCpuMsPerRequest;
  for (const budget of CPU_BUDGETS) {
    for (const name of budget.scenarios) {
      const label = `${budget.app} CPU ${budget.what} (${name})`;
      const multiple = unitMultiple(scenario(name), budget.app, unitCpuMsPerRequest);
      const belowFloor = budget.callsDynamoDb && sdkFloorUnits > budget.maxUnits;
      if (belowFloor && multiple !== undefined && multiple > budget.maxUnits) {
        results.push({
          budget: label,
          figure: units(multiple),
          limit: `≤ ${units(budget.maxUnits)}, below the SDK floor of ${units(sdkFloorUnits)}`,
          status: 'unattainable',
        });
      } else {
        atMost(label, multiple, budget.maxUnits, units);
      }
    }
  }
  const login = scenario('login');
  atLeast(
    'login throughput / argon2id verifications per second',
    login && login.requestsPerSecond / pass.argon2.verificationsPerSecond,
    MIN_LOGIN_SHARE_OF_ARGON2,
    (value) => value.toFixed(2),
  );
  for (const app of APPS) {
    atMost(
      `${app} resident memory after the bench`,
      pass.residentMiB[app],
      MAX_RESIDENT_MIB,
      (value) => `${value.toFixed(0)} MiB`,
    );
  }
  atMost(
    'npm start from warm to every app ready',
    warmStartSeconds,
    MAX_WARM_START_SECONDS,
    (value) => `${value.toFixed(1)} s`,
  );
  atLeast(
    'first likes through the gateway per second',
    scenario('first-like')?.requestsPerSecond,
    MIN_LIKE_PATH_REQUESTS_PER_SECOND,
    (value) => `${value.toFixed(0)} req/s`,
  );
  const [adopted, notAdopted] = [scenario('get-adopted'), scenario('get-not-adopted')];
  atLeast(
    'adopted reads / unadopted reads per second',
    adopted && notAdopted && adopted.requestsPerSecond / notAdopted.requestsPerSecond,
    MIN_ADOPTED_READ_SHARE,
    (value) => value.toFixed(2),
  );
  return results;
}
