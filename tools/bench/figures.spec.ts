import { combineUnits, cpuMsPerRequest, ScenarioFigures, BareServerFigures, unitMultiple } from './figures';

const unit = (cpuMsPerRequestValue: number): BareServerFigures => ({
  responses: 1,
  seconds: 1,
  requestsPerSecond: 1,
  p50Ms: 0,
  p99Ms: 0,
  non2xx: 0,
  errors: 0,
  cpuMsPerRequest: cpuMsPerRequestValue,
});

describe('combineUnits', () => {
  it('takes the mean of the measurements and says how far apart they were', () => {
    const combined = combineUnits([unit(0.03), unit(0.04)]);
    expect(combined.cpuMsPerRequest).toBeCloseTo(0.035);
    expect(combined.spread).toBeCloseTo(1 / 3);
  });

  it('refuses a run without a unit', () => {
    expect(() => combineUnits([])).toThrow('not measured');
  });
});

describe('unitMultiple', () => {
  const scenario = {
    scenario: 'get-adopted',
    route: 'GET /mysfits/:id',
    responses: 2_000,
    seconds: 10,
    requestsPerSecond: 200,
    p50Ms: 10,
    p99Ms: 40,
    non2xx: 0,
    errors: 0,
    unexpected: 0,
    processes: { monolith: { cpuMs: 7_000, residentMiB: 300 } },
    window: { startUs: 0, endUs: 10_000_000 },
  } satisfies ScenarioFigures;

  it("divides a process's CPU by the responses, then by the unit", () => {
    expect(unitMultiple(scenario, 'monolith', 0.035)).toBeCloseTo(100);
  });

  it('is undefined for a process or a scenario not measured', () => {
    expect(unitMultiple(scenario, 'auth', 0.035)).toBeUndefined();
    expect(unitMultiple(undefined, 'monolith', 0.035)).toBeUndefined();
  });

  it('refuses to divide by no responses', () => {
    expect(() => cpuMsPerRequest(10, 0)).toThrow('No responses');
  });
});
