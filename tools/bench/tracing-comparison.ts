import { join } from 'node:path';
import { AppName } from '../apps';
import { cpuMsPerRequest, ScenarioName } from './figures';
import { LoadSettings, measureWindow, warmUp } from './load';
import { scenarios } from './scenarios';
import { say, SeededSystem, startSeededSystem } from './seeded-system';
import { BenchSettings } from './settings';
import { Tracing, TracingComparison } from './tracing-costs';
import { startTraceSink } from './trace-sink';

/** The apps a scenario's requests go through: the ones whose cost tracing may raise. */
const HOPS: Record<ScenarioName, readonly AppName[]> = {
  list: ['gateway', 'monolith'],
  'get-not-adopted': ['gateway', 'monolith'],
  'get-adopted': ['gateway', 'monolith', 'auth'],
  'first-like': ['gateway', 'like', 'monolith'],
  'repeated-like': ['gateway', 'like', 'monolith'],
  login: ['gateway', 'auth'],
};

/**
 * Tracing's cost per hop, measured so that the machine's drift cannot pass for it: two systems run side
 * by side, one tracing every request and one not, and each scenario loads them in turn, round after round
 * (off, on, then on, off...), with the median round of each compared.
 */
export async function compareTracing(context: {
  dataDir: string;
  settings: BenchSettings;
  load: LoadSettings;
  ticksPerSecond: number;
}): Promise<TracingComparison> {
  const { settings, load, ticksPerSecond } = context;
  const rounds = settings.BENCH_ROUNDS;
  const sink = await startTraceSink();
  // Filled as the systems start, so that whichever did start is stopped.
  const systems = {} as Record<Tracing, SeededSystem>;
  try {
    for (const tracing of ['off', 'on'] as const) {
      systems[tracing] = await startSeededSystem(
        tracing,
        { ...context, dataDir: join(context.dataDir, tracing) },
        tracing === 'on' ? sink : undefined,
      );
    }
    const plans = {
      off: scenarios(systems.off.seeded, load),
      on: scenarios(systems.on.seeded, load),
    };
    const comparison: TracingComparison = { rounds, scenarios: [] };
    for (const [index, scenario] of plans.off.entries()) {
      if (!settings.BENCH_SCENARIOS.includes(scenario.name)) continue;
      say(`${scenario.name}: ${rounds} rounds on each system, in turn`);
      const measured: Partial<Record<AppName, Record<Tracing, number[]>>> = {};
      for (const tracing of ['off', 'on'] as const) await warmUp(plans[tracing][index].plan, load);
      for (let round = 0; round < rounds; round++) {
        for (const tracing of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
          const { plan } = plans[tracing][index];
          const pids = systems[tracing].pids;
          const amount = plan.amounts && Math.floor(plan.amounts.measured / rounds);
          const window = await measureWindow(plan, [...pids.values()], load, ticksPerSecond, amount);
          for (const app of HOPS[scenario.name]) {
            const perApp = (measured[app] ??= { off: [], on: [] });
            perApp[tracing].push(cpuMsPerRequest(window.cpuMs.get(pids.get(app) ?? 0) ?? 0, window.load.responses));
          }
        }
      }
      comparison.scenarios.push({ scenario: scenario.name, perRequestMs: measured });
    }
    return comparison;
  } finally {
    for (const { system } of Object.values(systems)) await system.stop();
    await sink.close();
  }
}
