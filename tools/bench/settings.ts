import { z } from 'zod';
import { flag, parseEnv, positiveInt } from '@app/config-kit';
import { SCENARIOS } from './figures';

const scenarioList = z
  .string()
  .default(SCENARIOS.join(','))
  .transform((value) => value.split(',').map((name) => name.trim()))
  .pipe(z.array(z.enum(SCENARIOS)).min(1))
  .refine((names) => !names.includes('repeated-like') || names.includes('first-like'), {
    error: 'repeated-like repeats the likes of first-like: list both',
  })
  // In the order they must run, whatever the order given.
  .transform((names) => SCENARIOS.filter((name) => names.includes(name)));

const schema = z.object({
  BENCH_SECONDS: positiveInt(10),
  BENCH_WARMUP_SECONDS: positiveInt(3),
  BENCH_CONNECTIONS: positiveInt(10),
  /** Each user likes every mysfit once in first-like, so users × 12 is that scenario's request count. */
  BENCH_USERS: positiveInt(100),
  /** Comma-separated scenario names; all by default. */
  BENCH_SCENARIOS: scenarioList,
  /**
   * off, on, or both: one pass with the apps' tracing off, then one with it on. interleaved: tracing's
   * cost alone, two systems side by side loaded in turn (tracing-comparison.ts).
   */
  BENCH_TRACING: z.enum(['off', 'on', 'both', 'interleaved']).default('off'),
  /** interleaved: rounds per scenario on each system. */
  BENCH_ROUNDS: positiveInt(9),
  /**
   * With tracing on: OpenTelemetry's OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG for the apps; by
   * default those the EKS observability component sets (a test checks that they agree).
   */
  BENCH_TRACES_SAMPLER: z.string().default('parentbased_traceidratio'),
  BENCH_TRACES_SAMPLER_ARG: z.string().default('0.05'),
  /** Time `npm start` (cold, then warm) before the passes. */
  BENCH_NPM_START: flag(true),
  /** Run the apps under `node --cpu-prof` and summarize where each spent its CPU. */
  BENCH_CPU_PROFILE: flag(false),
  /** Node.js options for every app, to try one under load (e.g. --max-semi-space-size=16). */
  BENCH_NODE_OPTIONS: z.string().default(''),
});

export type BenchSettings = z.output<typeof schema>;

export function benchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  return parseEnv('bench', schema, env);
}
