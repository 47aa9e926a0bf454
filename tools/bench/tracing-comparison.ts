import { join } from 'node:path';
import { AppName } from '../apps';
import { cpuMsPerRequest, HOPS } from './figures';
import { LoadSettings, Measured, measureWindow, warmUp } from './load';
import { renewStaleTokens, Scenario, scenarios } from './scenarios';
import { say, SeededSystem, startSeededSystem } from './seeded-system';
import { BenchSettings } from './settings';
import { APP_SETS, AppSet, TracingComparison } from './tracing-costs';
import { startTraceSink } from './trace-sink';

/** The share of the slowest set's warm-up rate that every set is loaded at. */
const COMMON_RATE_SHARE = 0.8;

/**
 * Tracing's cost per hop, measured so that neither the machine's drift nor the engines can pass for it:
 * three sets of apps run side by side on one PostgreSQL and one DynamoDB Local (an app's CPU per request
 * depends on how fast its dependencies answer, and two DynamoDB Locals drift apart), one tracing every
 * request and two not, and each scenario loads them in turn, round after round, each round in another
 * order, with the median round of each compared. The two untraced sets tell how far apart identical
 * processes measure.
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
  // Filled as the sets start, so that whichever did start is stopped.
  const started: SeededSystem[] = [];
  try {
    const sets = {} as Record<AppSet, SeededSystem>;
    const plans = {} as Record<AppSet, Scenario[]>;
    for (const set of APP_SETS) {
      const tracing = set === 'on' ? 'on' : 'off';
      // The first set starts the engines; the others run on them.
      const enginesOf = started.at(0)?.system;
      sets[set] = await startSeededSystem(
        tracing,
        { ...context, dataDir: join(context.dataDir, set), enginesOf },
        tracing === 'on' ? sink : undefined,
      );
      started.push(sets[set]);
      plans[set] = scenarios(sets[set].seeded, load);
    }
    const comparison: TracingComparison = { rounds, scenarios: [] };
    for (const [index, scenario] of plans.off.entries()) {
      if (!settings.BENCH_SCENARIOS.includes(scenario.name)) continue;
      const measured: Partial<Record<AppName, Record<AppSet, number[]>>> = {};
      const reached: number[] = [];
      for (const set of APP_SETS) {
        await renewStaleTokens(sets[set].seeded);
        reached.push(await warmUp(plans[set][index].plan, load));
      }
      // Every set at the same rate, which each can keep up: otherwise a hop that tracing slows down would
      // lower the rate, and so raise every other hop's CPU per request, of the traced set alone.
      const atOneRate = { ...load, requestsPerSecond: Math.floor(COMMON_RATE_SHARE * Math.min(...reached)) };
      say(
        `${scenario.name}: ${rounds} rounds on each set of apps in turn, each at ${atOneRate.requestsPerSecond} req/s`,
      );
      for (let round = 0; round < rounds; round++) {
        for (const set of rotated(APP_SETS, round)) {
          const { plan } = plans[set][index];
          const pids = sets[set].pids;
          const amount = plan.amounts && Math.floor(plan.amounts.measured / rounds);
          await renewStaleTokens(sets[set].seeded);
          const window = await measureWindow(plan, [...pids.values()], atOneRate, ticksPerSecond, amount);
          assertAnswered(window, `${scenario.name}, set ${set}, round ${round + 1}`);
          for (const app of HOPS[scenario.name]) {
            const perApp = (measured[app] ??= { off: [], on: [], control: [] });
            perApp[set].push(cpuMsPerRequest(window.cpuMs.get(pids.get(app) ?? 0) ?? 0, window.load.responses));
          }
        }
      }
      comparison.scenarios.push({
        scenario: scenario.name,
        requestsPerSecond: atOneRate.requestsPerSecond,
        perRequestMs: measured,
      });
    }
    return comparison;
  } finally {
    // The sets on the first one's engines first: it stops them.
    for (const set of started.reverse()) await set.system.stop();
    await sink.close();
  }
}

/**
 * A failed request costs a hop less than an answered one: a round with any failure would compare unlike
 * with like.
 */
function assertAnswered({ load }: Measured, where: string): void {
  const failed = load.non2xx + load.errors;
  if (failed > 0) throw new Error(`${where}: ${failed} requests failed or were not answered 2xx`);
}

/** The sets in the order a round loads them: each round starts one further on, so none is always first. */
function rotated<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
