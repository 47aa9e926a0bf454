import { evaluateBudgets } from './budgets';
import { BudgetResult, PassFigures, ProcessName, ScenarioFigures, ScenarioName } from './figures';

const UNIT_MS = 0.04;

/** A scenario of 1000 responses in which each process spent `units` units of CPU per request. */
function scenario(name: ScenarioName, requestsPerSecond: number, units: Partial<Record<ProcessName, number>>) {
  const responses = 1_000;
  const processes = Object.fromEntries(
    Object.entries(units).map(([process, multiple]) => [
      process,
      { cpuMs: multiple * UNIT_MS * responses, residentMiB: 100 },
    ]),
  );
  return {
    scenario: name,
    route: name,
    responses,
    seconds: 10,
    requestsPerSecond,
    p50Ms: 5,
    p99Ms: 20,
    non2xx: 0,
    errors: 0,
    unexpected: 0,
    processes,
    window: { startUs: 0, endUs: 10_000_000 },
  } satisfies ScenarioFigures;
}

const LOAD = { responses: 1, seconds: 1, requestsPerSecond: 1, p50Ms: 1, p99Ms: 1, non2xx: 0, errors: 0 };

function pass(
  scenarios: ScenarioFigures[],
  residentMiB: PassFigures['residentMiB'] = {},
  sdkFloorUnits = 10,
): PassFigures {
  return {
    tracing: 'off',
    getItem: { ...LOAD, dynamodbCpuMsPerRequest: 0.1 },
    sdkFloor: { ...LOAD, cpuMsPerRequest: sdkFloorUnits * UNIT_MS },
    argon2: { parameters: 'm=19456,t=2,p=1', verificationsPerSecond: 50 },
    scenarios,
    residentMiB,
  };
}

const find = (results: BudgetResult[], budget: string) => results.find((result) => result.budget === budget);

describe('evaluateBudgets', () => {
  it('marks a CPU budget met at its limit and missed above it, in units of the same run', () => {
    const results = evaluateBudgets({
      unitCpuMsPerRequest: UNIT_MS,
      pass: pass([scenario('first-like', 200, { like: 15, monolith: 20.5, gateway: 4 })]),
      warmStartSeconds: 8,
    });
    expect(find(results, 'like CPU per first like (first-like)')).toEqual({
      budget: 'like CPU per first like (first-like)',
      figure: '15.0×',
      limit: '≤ 15.0×',
      status: 'met',
    });
    expect(find(results, 'monolith CPU per fulfill-like (first-like)')?.status).toBe('missed');
    expect(find(results, 'gateway CPU per proxied request (first-like)')?.status).toBe('met');
  });

  it("marks a DynamoDB route's missed CPU budget unattainable only when one SDK call alone costs more", () => {
    const scenarios = [
      scenario('get-not-adopted', 900, { monolith: 40, gateway: 6, auth: 0 }),
      scenario('get-adopted', 900, { monolith: 14, gateway: 6 }),
      scenario('first-like', 150, { monolith: 40, like: 16 }),
    ];
    const floorAbove = evaluateBudgets({
      unitCpuMsPerRequest: UNIT_MS,
      pass: pass(scenarios, {}, 16.2),
      warmStartSeconds: 8,
    });
    expect(find(floorAbove, 'monolith CPU per GET /mysfits/:id (get-not-adopted)')).toEqual({
      budget: 'monolith CPU per GET /mysfits/:id (get-not-adopted)',
      figure: '40.0×',
      limit: '≤ 15.0×, below the SDK floor of 16.2×',
      status: 'unattainable',
    });
    // Met is met, whatever the floor.
    expect(find(floorAbove, 'monolith CPU per GET /mysfits/:id (get-adopted)')?.status).toBe('met');
    // The floor is under fulfill-like's budget of 20×, and like and the gateway make no DynamoDB call.
    expect(find(floorAbove, 'monolith CPU per fulfill-like (first-like)')?.status).toBe('missed');
    expect(find(floorAbove, 'like CPU per first like (first-like)')?.status).toBe('missed');
    expect(find(floorAbove, 'gateway CPU per proxied request (get-not-adopted)')?.status).toBe('missed');

    const floorBelow = evaluateBudgets({ unitCpuMsPerRequest: UNIT_MS, pass: pass(scenarios), warmStartSeconds: 8 });
    expect(find(floorBelow, 'monolith CPU per GET /mysfits/:id (get-not-adopted)')).toMatchObject({
      limit: '≤ 15.0×',
      status: 'missed',
    });
  });

  it('holds the gateway to its budget in every scenario, and says what was not measured', () => {
    const results = evaluateBudgets({
      unitCpuMsPerRequest: UNIT_MS,
      pass: pass([scenario('list', 900, { gateway: 4.9 }), scenario('login', 40, { gateway: 5.1 })]),
      warmStartSeconds: undefined,
    });
    expect(find(results, 'gateway CPU per proxied request (list)')?.status).toBe('met');
    expect(find(results, 'gateway CPU per proxied request (login)')?.status).toBe('missed');
    expect(find(results, 'gateway CPU per proxied request (get-adopted)')).toMatchObject({
      figure: '-',
      status: 'not measured',
    });
    expect(find(results, 'npm start from warm to every app ready')?.status).toBe('not measured');
    expect(find(results, 'monolith resident memory after the bench')?.status).toBe('not measured');
  });

  it('compares login throughput with the argon2id rate, and adopted reads with unadopted ones', () => {
    const results = evaluateBudgets({
      unitCpuMsPerRequest: UNIT_MS,
      pass: pass([scenario('login', 44, {}), scenario('get-adopted', 170, {}), scenario('get-not-adopted', 200, {})]),
      warmStartSeconds: 12.3,
    });
    expect(find(results, 'login throughput / argon2id verifications per second')).toMatchObject({
      figure: '0.88',
      limit: '≥ 0.90',
      status: 'missed',
    });
    expect(find(results, 'adopted reads / unadopted reads per second')).toMatchObject({
      figure: '0.85',
      status: 'missed',
    });
    expect(find(results, 'npm start from warm to every app ready')).toMatchObject({
      figure: '12.3 s',
      limit: '≤ 10.0 s',
      status: 'missed',
    });
  });

  it('holds every app to the resident memory budget, and the like path to twice its old rate', () => {
    const results = evaluateBudgets({
      unitCpuMsPerRequest: UNIT_MS,
      pass: pass([scenario('first-like', 154, {})], { auth: 149, monolith: 338, like: 150, gateway: 90 }),
      warmStartSeconds: 9.9,
    });
    expect(results.filter((result) => result.budget.endsWith('resident memory after the bench'))).toEqual([
      { budget: 'auth resident memory after the bench', figure: '149 MiB', limit: '≤ 150 MiB', status: 'met' },
      { budget: 'monolith resident memory after the bench', figure: '338 MiB', limit: '≤ 150 MiB', status: 'missed' },
      { budget: 'like resident memory after the bench', figure: '150 MiB', limit: '≤ 150 MiB', status: 'met' },
      { budget: 'gateway resident memory after the bench', figure: '90 MiB', limit: '≤ 150 MiB', status: 'met' },
    ]);
    expect(find(results, 'first likes through the gateway per second')?.status).toBe('met');
    expect(find(results, 'npm start from warm to every app ready')?.status).toBe('met');
  });
});
