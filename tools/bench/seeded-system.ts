import { AppName } from '../apps';
import { freeSystemPorts } from '../launcher/ports';
import { RunningSystem, startSystem } from '../launcher/system';
import { ProcessName } from './figures';
import { BenchSettings } from './settings';
import { Seeded, seed } from './scenarios';
import { TraceSink } from './trace-sink';

export interface SeededSystem {
  system: RunningSystem;
  seeded: Seeded;
  pids: Map<ProcessName, number>;
}

/**
 * Starts the system in `context.dataDir` (its apps only, on the engines of `enginesOf` when given),
 * tracing to `sink` when there is one, and signs up the bench's users.
 */
export async function startSeededSystem(
  tracing: 'off' | 'on',
  context: { dataDir: string; settings: BenchSettings; profileDir?: string; enginesOf?: RunningSystem },
  sink: TraceSink | undefined,
): Promise<SeededSystem> {
  const ports = await freeSystemPorts();
  say(`Starting the system, tracing ${tracing}`);
  const system = await startSystem({
    dataDir: context.dataDir,
    enginesOf: context.enginesOf,
    ports,
    appEnv: {
      ...tracingEnv(sink, context.settings),
      NODE_OPTIONS: nodeOptions(context.settings.BENCH_NODE_OPTIONS, context.profileDir),
    },
  });
  try {
    say(`Signing up ${context.settings.BENCH_USERS} users`);
    const seeded = await seed(
      `http://127.0.0.1:${ports.gateway}`,
      context.settings.BENCH_USERS,
      `bench-${tracing}-${Date.now()}`,
    );
    return { system, seeded, pids: processIds(system) };
  } catch (error) {
    await system.stop();
    throw error;
  }
}

function processIds(system: RunningSystem): Map<ProcessName, number> {
  return new Map<ProcessName, number>([
    ...system.apps.map((app) => [app.name as AppName, app.pid] as const),
    ['dynamodb', system.dynamodb.pid],
    ['postgres', system.postgres.pid()],
  ]);
}

function nodeOptions(extra: string, profileDir: string | undefined): string {
  return [extra, profileDir ? `--cpu-prof --cpu-prof-dir=${profileDir}` : ''].filter(Boolean).join(' ');
}

/** The apps' tracing switch, in OpenTelemetry's standard variables; spans go to the sink when on. */
function tracingEnv(sink: TraceSink | undefined, settings: BenchSettings): NodeJS.ProcessEnv {
  if (!sink) return { OTEL_SDK_DISABLED: 'true' };
  return {
    OTEL_SDK_DISABLED: 'false',
    OTEL_TRACES_SAMPLER: settings.BENCH_TRACES_SAMPLER,
    OTEL_TRACES_SAMPLER_ARG: settings.BENCH_TRACES_SAMPLER_ARG,
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint,
  };
}

export function say(line: string): void {
  process.stdout.write(`${line}...\n`);
}
