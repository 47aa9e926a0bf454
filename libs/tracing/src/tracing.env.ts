import { z } from 'zod';
import { flag } from '@app/config-kit';

/**
 * The standard OpenTelemetry variables that decide whether an app traces at all. The SDK reads these and
 * every other OTEL_* variable itself (sampler, batch sizes, protocol, headers, resource attributes...);
 * they are listed here so that a malformed endpoint stops the app with a message naming it.
 */
export const tracingEnv = z.object({
  OTEL_SDK_DISABLED: flag(false),
  /** Comma-separated: `otlp` (the default once an endpoint is set), `console`, or `none`. */
  OTEL_TRACES_EXPORTER: z.string().trim().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
});

export type TracingEnv = z.output<typeof tracingEnv>;

/**
 * Tracing is on once an exporter or an OTLP endpoint is named, unless the SDK is disabled or the only
 * exporter is `none`. With none of these variables set, the SDK is never loaded: tracing costs nothing.
 */
export function tracingRequested(env: TracingEnv): boolean {
  if (env.OTEL_SDK_DISABLED) return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (exporters.length > 0) return !exporters.every((name) => name === 'none');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}
