import { AppName } from '../apps';
import { ScenarioName } from './figures';
import { table } from './report';

export type Tracing = 'off' | 'on';

export const TRACING_BUDGET = 0.1;

export interface TracingComparison {
  rounds: number;
  scenarios: {
    scenario: ScenarioName;
    /** Per hop, tracing off and on: CPU per request in each round, ms. */
    perRequestMs: Partial<Record<AppName, Record<Tracing, number[]>>>;
  }[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Each hop's change in CPU per request with tracing on, from the median rounds: within budget or over. */
export function tracingCosts(comparison: TracingComparison) {
  return comparison.scenarios.flatMap(({ scenario, perRequestMs }) =>
    Object.entries(perRequestMs).map(([app, { off, on }]) => {
      const [untraced, traced] = [median(off), median(on)];
      const met = traced <= untraced * (1 + TRACING_BUDGET);
      return { scenario, app, off: untraced, on: traced, change: traced / untraced - 1, met };
    }),
  );
}

export function formatTracingComparison(comparison: TracingComparison, sampler: string): string {
  const rows = tracingCosts(comparison).map(({ scenario, app, off, on, change, met }) => [
    scenario,
    app,
    `${off.toFixed(3)} ms`,
    `${on.toFixed(3)} ms`,
    `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} %`,
    met ? 'met' : 'missed',
  ]);
  return [
    `Tracing's cost: CPU per request, median of ${comparison.rounds} rounds on each system in turn; budget ≤ +${TRACING_BUDGET * 100} %`,
    table(['scenario', 'app', 'off', `on (${sampler})`, 'change', 'budget'], rows),
  ].join('\n');
}
