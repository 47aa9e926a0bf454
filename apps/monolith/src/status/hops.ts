import type { Sample } from '@app/observability';

/** Cumulative figures of one hop, as the metrics hold them since each app started. */
export interface HopTotals {
  calls: number;
  errors: number;
  seconds: number;
  /** Cumulative count by upper bound, in seconds. */
  buckets: Map<number, number>;
}

/** One hop over a window: what the /status page shows. */
export interface HopStatus {
  hop: string;
  calls: number;
  perSecond: number;
  /** Share of the calls that failed, 0 to 1; null with no call. */
  errorRatio: number | null;
  meanMs: number | null;
  /** Estimated from the histogram's buckets, as Prometheus's histogram_quantile does; null with no call. */
  p95Ms: number | null;
}

interface HopDefinition {
  hop: string;
  histogram: string;
  /** Which of the histogram's series belong to the hop, and which of them are failures. */
  matches: (labels: Record<string, string>) => boolean;
  failed: (labels: Record<string, string>) => boolean;
}

const serverError = (labels: Record<string, string>) => Number(labels.status_code) >= 500;

/** The like path hop by hop, then the dependencies, each from the metric of observability/catalogue.ts that times it. */
const HOPS: readonly HopDefinition[] = [
  ...['like', 'monolith', 'auth'].map((backend) => ({
    hop: `gateway → ${backend}`,
    histogram: 'gateway_routed_request_duration_seconds',
    matches: (labels: Record<string, string>) => labels.backend === backend,
    failed: serverError,
  })),
  {
    hop: 'like → monolith',
    histogram: 'http_client_request_duration_seconds',
    matches: (labels) => labels.service === 'like' && labels.peer === 'monolith',
    failed: (labels) => labels.outcome !== 'success' && labels.outcome !== 'client_error',
  },
  ...['like', 'monolith'].map((service) => ({
    hop: `${service} → auth (gRPC)`,
    histogram: 'grpc_client_call_duration_seconds',
    matches: (labels: Record<string, string>) => labels.service === service,
    failed: (labels: Record<string, string>) => labels.grpc_code !== 'OK',
  })),
  {
    hop: 'monolith → DynamoDB',
    histogram: 'dynamodb_operation_duration_seconds',
    matches: (labels) => labels.service === 'monolith',
    failed: () => false,
  },
  ...['monolith', 'auth'].map((service) => ({
    hop: `${service} → PostgreSQL`,
    histogram: 'postgres_query_duration_seconds',
    matches: (labels: Record<string, string>) => labels.service === service,
    failed: () => false,
  })),
];

/** Failures counted apart from the histograms: a refused condition is DynamoDB's expected answer to a repeated like. */
const ERROR_COUNTERS: Partial<
  Record<string, { counter: string; counts: (labels: Record<string, string>) => boolean }>
> = {
  'monolith → DynamoDB': {
    counter: 'dynamodb_operation_errors_total',
    counts: (labels) => labels.error !== 'condition_failed',
  },
  'monolith → PostgreSQL': {
    counter: 'postgres_query_errors_total',
    counts: (labels) => labels.service === 'monolith',
  },
  'auth → PostgreSQL': { counter: 'postgres_query_errors_total', counts: (labels) => labels.service === 'auth' },
};

/** Every hop's totals, from the samples of all the apps' scrapes together. */
export function hopTotals(samples: readonly Sample[]): Map<string, HopTotals> {
  const totals = new Map<string, HopTotals>();
  for (const definition of HOPS) {
    const hop: HopTotals = { calls: 0, errors: 0, seconds: 0, buckets: new Map() };
    for (const { name, labels, value } of samples) {
      if (!name.startsWith(definition.histogram) || !definition.matches(labels)) continue;
      const series = name.slice(definition.histogram.length);
      if (series === '_count') {
        hop.calls += value;
        if (definition.failed(labels)) hop.errors += value;
      } else if (series === '_sum') {
        hop.seconds += value;
      } else if (series === '_bucket') {
        const bound = labels.le === '+Inf' ? Infinity : Number(labels.le);
        hop.buckets.set(bound, (hop.buckets.get(bound) ?? 0) + value);
      }
    }
    const counter = ERROR_COUNTERS[definition.hop];
    for (const { name, labels, value } of samples) {
      if (counter && name === counter.counter && counter.counts(labels)) hop.errors += value;
    }
    totals.set(definition.hop, hop);
  }
  return totals;
}

/** Each hop over the window between two readings of the totals (`before` empty: since the apps started). */
export function hopWindow(
  before: ReadonlyMap<string, HopTotals>,
  after: ReadonlyMap<string, HopTotals>,
  seconds: number,
): HopStatus[] {
  return [...after].map(([hop, now]) => {
    const then = before.get(hop);
    const calls = now.calls - (then?.calls ?? 0);
    const buckets = [...now.buckets]
      .map(([bound, count]): [number, number] => [bound, count - (then?.buckets.get(bound) ?? 0)])
      .sort(([a], [b]) => a - b);
    return {
      hop,
      calls,
      perSecond: seconds > 0 ? calls / seconds : 0,
      errorRatio: calls > 0 ? Math.min(1, (now.errors - (then?.errors ?? 0)) / calls) : null,
      meanMs: calls > 0 ? ((now.seconds - (then?.seconds ?? 0)) / calls) * 1000 : null,
      p95Ms: calls > 0 ? quantile(0.95, buckets, calls) * 1000 : null,
    };
  });
}

/** The quantile of a histogram, interpolated linearly within its bucket (the last finite bound when it is +Inf's). */
function quantile(q: number, buckets: readonly [number, number][], calls: number): number {
  const rank = q * calls;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of buckets) {
    if (count >= rank) {
      if (bound === Infinity) return lowerBound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / Math.max(count - lowerCount, 1);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}
