import { AppName } from '../apps';
import { ScenarioName, TRACING_BUDGET } from './figures';
import { percent, table } from './report';

/**
 * The three sets of apps the comparison loads in turn, all on the same engines: one tracing, and two that
 * do not, whose difference is the comparison's own noise (an A/A test).
 */
export type AppSet = 'off' | 'control' | 'on';
export const APP_SETS: readonly AppSet[] = ['off', 'on', 'control'];

export interface TracingComparison {
  rounds: number;
  scenarios: {
    scenario: ScenarioName;
    /** The rate every set was loaded at. */
    requestsPerSecond: number;
    /** Per hop and set of apps: CPU per request in each round, ms. */
    perRequestMs: Partial<Record<AppName, Record<AppSet, number[]>>>;
  }[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Each hop's change in CPU per request with tracing on, from the median rounds, against the mean of the
 * two untraced sets: within budget or over. `noise` is how far the two untraced sets are apart, which a
 * change must clear before it says anything.
 */
export function tracingCosts(comparison: TracingComparison) {
  return comparison.scenarios.flatMap(({ scenario, requestsPerSecond, perRequestMs }) =>
    Object.entries(perRequestMs).map(([app, rounds]) => {
      const [off, control, on] = [median(rounds.off), median(rounds.control), median(rounds.on)];
      const untraced = (off + control) / 2;
      const change = on / untraced - 1;
      const noise = Math.abs(control / off - 1);
      return { scenario, requestsPerSecond, app, untraced, on, change, noise, met: change <= TRACING_BUDGET };
    }),
  );
}

const signedPercent = (share: number) => `${share >= 0 ? '+' : ''}${percent(share)}`;

export function formatTracingComparison(comparison: TracingComparison, sampler: string): string {
  const rows = tracingCosts(comparison).map(
    ({ scenario, requestsPerSecond, app, untraced, on, change, noise, met }) => [
      scenario,
      String(requestsPerSecond),
      app,
      `${untraced.toFixed(3)} ms`,
      `${on.toFixed(3)} ms`,
      signedPercent(change),
      `±${percent(noise)}`,
      met ? 'met' : 'missed',
    ],
  );
  return [
    `Tracing's cost: CPU per request, median of ${comparison.rounds} rounds on each set of apps in turn, all at one rate; budget ≤ +${TRACING_BUDGET * 100} %`,
    'off: the mean of the two untraced sets; A/A: how far those two are apart, the noise a change must clear',
    table(['scenario', 'req/s', 'app', 'off', `on (${sampler})`, 'change', 'A/A', 'budget'], rows),
  ].join('\n');
}
