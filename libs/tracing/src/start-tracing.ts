import type { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { tracingEnv, tracingRequested } from './tracing.env';

/**
 * The libraries whose calls an app turns into spans: each app names the ones it uses. HTTP servers make
 * their own spans (inServerSpan), and outgoing HTTP calls carry the request's trace context
 * (RequestContext.outgoingHeaders), so no HTTP instrumentation is needed.
 */
export type TracedLibrary = 'grpc' | 'pg' | 'aws-sdk';

export interface TracingOptions {
  /** `service.name` of the app's spans. */
  service: string;
  libraries: readonly TracedLibrary[];
}

type Instrumentations = NodeSDKConfiguration['instrumentations'];

/* eslint-disable @typescript-eslint/no-require-imports --
   The SDK and the instrumentations are loaded only when tracing is on, so that an app that does not trace
   never loads them, and synchronously, so that they are in place before the app's own modules load. */
const INSTRUMENTATIONS: Record<TracedLibrary, () => Instrumentations[number]> = {
  grpc: () => {
    const { GrpcInstrumentation } =
      require('@opentelemetry/instrumentation-grpc') as typeof import('@opentelemetry/instrumentation-grpc');
    return new GrpcInstrumentation();
  },
  // Statements run for a request only: not the pool's connects, nor statements no request made.
  pg: () => {
    const { PgInstrumentation } =
      require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
    return new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true });
  },
  'aws-sdk': () => {
    const { AwsInstrumentation } =
      require('@opentelemetry/instrumentation-aws-sdk') as typeof import('@opentelemetry/instrumentation-aws-sdk');
    return new AwsInstrumentation({ suppressInternalInstrumentation: true });
  },
};

let running: NodeSDK | undefined;

/**
 * Starts OpenTelemetry tracing when the OTEL_* variables ask for it (see `tracingRequested`): W3C trace
 * context in and out, spans of the named libraries, exported in batches by the exporter the variables
 * name (OTLP by default). The SDK reads its other settings (sampler, batch sizes, protocol...) from the
 * standard variables itself. Call it before anything else is imported: from the first import of `main.ts`.
 * Malformed variables leave tracing off here: the app's config, which composes `tracingEnv`, then stops
 * the app with a message naming them.
 */
export function startTracing(
  options: TracingOptions,
  environment: Readonly<Record<string, string | undefined>>,
): boolean {
  const env = tracingEnv.safeParse(environment);
  if (running || !env.success || !tracingRequested(env.data)) return false;
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  running = new NodeSDK({
    serviceName: options.service,
    instrumentations: options.libraries.map((library) => INSTRUMENTATIONS[library]()),
    // Metrics are prom-client's (/metrics), logs are JSON lines on stdout: only traces go out over OTLP.
    metricReaders: [],
    logRecordProcessors: [],
  });
  running.start();
  return true;
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Whether this process traces. */
export function tracingStarted(): boolean {
  return running !== undefined;
}

/** Exports the spans still in the batch and stops tracing: at shutdown, once no request is left. */
export async function stopTracing(): Promise<void> {
  await running?.shutdown();
  running = undefined;
}
