/**
 * Every metric the system exposes: name, type, labels with their bounded values, help text, and the
 * apps that expose it. The apps' instrumentation, the Prometheus rules, the Grafana dashboards and the
 * tests all read their names from here, so that a renamed metric breaks a test rather than a dashboard.
 *
 * Conventions (https://prometheus.io/docs/practices/naming/): snake_case, a unit suffix in base units
 * (`_seconds`, `_bytes`), `_total` on counters and on nothing else, `_info` on info gauges, and label
 * values drawn from small known sets, never from request data (raw paths, user, request or trace ids).
 * catalogue.spec.ts checks them.
 */

export type AppName = 'auth' | 'monolith' | 'like' | 'gateway';
export type MetricType = 'counter' | 'gauge' | 'histogram';

/**
 * Where a label's values come from: a closed list, or a sentence saying what bounds an open set
 * (a route table, a .proto, the HTTP status codes).
 */
export type LabelValues = readonly string[] | { readonly boundedBy: string };

export interface MetricDefinition {
  name: string;
  type: MetricType;
  help: string;
  /** The labels the app sets. Every app also adds `service` (see SERVICE_LABEL); Prometheus adds `job` and `instance`. */
  labels: Readonly<Record<string, LabelValues>>;
  /** Histogram buckets, in the metric's unit. */
  buckets?: readonly number[];
  exposedBy: readonly AppName[];
  /**
   * `app`: this project's code defines it. `prom-client`: the default Node.js metrics prom-client
   * collects, named by that library. `scrape`: written by the scraper (Prometheus or the collector)
   * for every target, never by an app.
   */
  source: 'app' | 'prom-client' | 'scrape';
  /** A metric of today that this one supersedes; the app drops the old name when it exposes this one. */
  replaces?: string;
}

export const APP_NAMES: readonly AppName[] = ['auth', 'monolith', 'like', 'gateway'];

/** The default label every app puts on all of its metrics (ObservabilityModule). */
export const SERVICE_LABEL = { service: APP_NAMES } as const;

const ALL_APPS = APP_NAMES;

// Shared label domains.
const HTTP_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const HTTP_STATUS = { boundedBy: 'the HTTP status codes the app answers with (100-599)' };
const ROUTE = {
  boundedBy:
    'the route pattern Fastify matched, as declared in the code (/mysfits/:id), or "unmatched"; never the raw path',
};
/** The services and rpcs of libs/auth-rpc/proto. */
const GRPC_SERVICE = ['mysfits.auth.v1.UserDirectory', 'mysfits.auth.v1.ServiceTokens'];
const GRPC_METHOD = ['GetUsers', 'IssueServiceToken'];
/** https://grpc.github.io/grpc/core/md_doc_statuscodes.html */
const GRPC_CODE = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** The DynamoDB API operations the monolith calls (SDK command names without `Command`). */
const DYNAMODB_OPERATION = [
  'BatchGetItem',
  'DescribeTable',
  'GetItem',
  'PutItem',
  'Query',
  'Scan',
  'TransactWriteItems',
  'UpdateItem',
];
const POSTGRES_DATABASE = ['auth', 'app'];
/** The statement's first keyword. */
const POSTGRES_STATEMENT = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'OTHER'];

/** HTTP request and response times: 5 ms to 5 s, around the like path's 4 s budget. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;
/** Database and gRPC calls: 1 ms to 2.5 s. */
export const CALL_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;
/** prom-client's garbage collection buckets. */
const GC_BUCKETS = [0.001, 0.01, 0.1, 1, 2, 5] as const;

/** This project's own metrics, keyed by how the code refers to them. */
export const METRICS = {
  // RED per route: rate and errors are the histogram's _count by status_code, duration its buckets.
  httpServerRequestDuration: {
    name: 'http_server_request_duration_seconds',
    type: 'histogram',
    help: 'Duration of HTTP requests handled by this service, by route pattern and status code',
    labels: { method: HTTP_METHOD, route: ROUTE, status_code: HTTP_STATUS },
    buckets: HTTP_DURATION_BUCKETS,
    exposedBy: ALL_APPS,
    source: 'app',
  },
  gatewayRoutedRequestDuration: {
    name: 'gateway_routed_request_duration_seconds',
    type: 'histogram',
    help: 'Duration of requests the gateway routed, by Ingress path and backend, from request to response end',
    labels: {
      ingress_path: { boundedBy: 'the paths of k8s/base/ingress.yaml (/auth, /mysfits/*/like, /*), or "unmatched"' },
      backend: ['auth', 'monolith', 'like', 'fixed-response', 'none'],
      status_code: HTTP_STATUS,
    },
    buckets: HTTP_DURATION_BUCKETS,
    exposedBy: ['gateway'],
    source: 'app',
    // Its _count is that counter (whose label `path` becomes `ingress_path`): both would count twice.
    replaces: 'gateway_routed_requests_total',
  },

  // The like path's hops after the gateway.
  httpClientRequestDuration: {
    name: 'http_client_request_duration_seconds',
    type: 'histogram',
    help: 'Duration of each HTTP attempt this service made to another service, by callee route and outcome',
    labels: {
      peer: ['monolith'],
      method: HTTP_METHOD,
      route: { boundedBy: "the callee's route pattern from @app/mysfits-contract (/mysfits/:id/fulfill-like)" },
      outcome: ['success', 'client_error', 'server_error', 'timeout', 'connection_error'],
    },
    buckets: HTTP_DURATION_BUCKETS,
    exposedBy: ['like'],
    source: 'app',
  },
  circuitBreakerState: {
    name: 'circuit_breaker_state',
    type: 'gauge',
    help: 'State of a circuit breaker: 1 for the state it is in, 0 for the others',
    labels: { breaker: ['monolith'], state: ['closed', 'open', 'half_open', 'isolated'] },
    exposedBy: ['like'],
    source: 'app',
  },
  grpcClientCallDuration: {
    name: 'grpc_client_call_duration_seconds',
    type: 'histogram',
    help: 'Duration of gRPC calls this service made to auth, by method and status code',
    labels: { grpc_service: GRPC_SERVICE, grpc_method: GRPC_METHOD, grpc_code: GRPC_CODE },
    buckets: CALL_DURATION_BUCKETS,
    exposedBy: ['monolith', 'like'],
    source: 'app',
  },
  grpcServerCallDuration: {
    name: 'grpc_server_call_duration_seconds',
    type: 'histogram',
    help: 'Duration of gRPC calls auth served, by method and status code',
    labels: { grpc_service: GRPC_SERVICE, grpc_method: GRPC_METHOD, grpc_code: GRPC_CODE },
    buckets: CALL_DURATION_BUCKETS,
    exposedBy: ['auth'],
    source: 'app',
  },

  // Dependency health.
  dynamodbOperationDuration: {
    name: 'dynamodb_operation_duration_seconds',
    type: 'histogram',
    help: 'Duration of DynamoDB API calls, by operation, failed ones included',
    labels: {
      operation: DYNAMODB_OPERATION,
    },
    buckets: CALL_DURATION_BUCKETS,
    exposedBy: ['monolith'],
    source: 'app',
  },
  dynamodbOperationErrors: {
    name: 'dynamodb_operation_errors_total',
    type: 'counter',
    help: 'DynamoDB API calls that failed, by operation and error class; refused conditions are the expected answer to a repeated like or adoption',
    labels: {
      operation: DYNAMODB_OPERATION,
      error: ['condition_failed', 'throttled', 'validation', 'unavailable', 'other'],
    },
    exposedBy: ['monolith'],
    source: 'app',
  },
  postgresQueryDuration: {
    name: 'postgres_query_duration_seconds',
    type: 'histogram',
    help: 'Duration of PostgreSQL statements, by database and statement kind, failed ones included',
    labels: {
      database: POSTGRES_DATABASE,
      operation: POSTGRES_STATEMENT,
    },
    buckets: CALL_DURATION_BUCKETS,
    exposedBy: ['auth', 'monolith'],
    source: 'app',
  },
  postgresQueryErrors: {
    name: 'postgres_query_errors_total',
    type: 'counter',
    help: 'PostgreSQL statements that failed, by database, statement kind and error class',
    labels: {
      database: POSTGRES_DATABASE,
      operation: POSTGRES_STATEMENT,
      error: ['unique_violation', 'serialization_failure', 'connection', 'timeout', 'other'],
    },
    exposedBy: ['auth', 'monolith'],
    source: 'app',
  },

  // Business events.
  likes: {
    name: 'mysfit_likes_total',
    type: 'counter',
    help: 'Likes the monolith fulfilled: recorded, or already recorded for that user and mysfit',
    labels: { result: ['recorded', 'already_liked'] },
    exposedBy: ['monolith'],
    source: 'app',
  },
  adoptions: {
    name: 'mysfit_adoptions_total',
    type: 'counter',
    help: 'Adoption attempts: adopted, or refused because the mysfit already had an adopter',
    labels: { result: ['adopted', 'conflict'] },
    exposedBy: ['monolith'],
    source: 'app',
  },
  logins: {
    name: 'auth_logins_total',
    type: 'counter',
    help: 'Login attempts: succeeded, failed (wrong email or password), or throttled before the password was checked',
    labels: { result: ['succeeded', 'failed', 'throttled'] },
    exposedBy: ['auth'],
    source: 'app',
  },
  tokenRefreshes: {
    name: 'auth_token_refreshes_total',
    type: 'counter',
    help: 'Refresh token uses: rotated, rejected (unknown or expired), or reuse detected (the family was revoked)',
    labels: { result: ['rotated', 'rejected', 'reuse_detected'] },
    exposedBy: ['auth'],
    source: 'app',
  },
} as const satisfies Record<string, MetricDefinition>;

/** Collected by prom-client's collectDefaultMetrics() in every app; the names are the library's. */
export const DEFAULT_NODE_METRICS: readonly MetricDefinition[] = [
  nodeDefault('process_cpu_user_seconds_total', 'counter', 'Total user CPU time spent in seconds.'),
  nodeDefault('process_cpu_system_seconds_total', 'counter', 'Total system CPU time spent in seconds.'),
  nodeDefault('process_cpu_seconds_total', 'counter', 'Total user and system CPU time spent in seconds.'),
  nodeDefault('process_start_time_seconds', 'gauge', 'Start time of the process since unix epoch in seconds.'),
  nodeDefault('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.'),
  nodeDefault('process_virtual_memory_bytes', 'gauge', 'Virtual memory size in bytes.'),
  nodeDefault('process_heap_bytes', 'gauge', 'Process heap size in bytes.'),
  nodeDefault('process_open_fds', 'gauge', 'Number of open file descriptors.'),
  nodeDefault('process_max_fds', 'gauge', 'Maximum number of open file descriptors.'),
  nodeDefault('nodejs_eventloop_lag_seconds', 'gauge', 'Lag of event loop in seconds.'),
  ...['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'].map((stat) =>
    nodeDefault(`nodejs_eventloop_lag_${stat}_seconds`, 'gauge', `The ${stat} of the recorded event loop delays.`),
  ),
  ...(['resources', 'handles', 'requests'] as const).flatMap((kind) => [
    nodeDefault(`nodejs_active_${kind}`, 'gauge', `Number of active libuv ${kind}, by type.`, {
      type: { boundedBy: 'the libuv and async resource class names of Node.js' },
    }),
    // A gauge with _total: prom-client's name, kept because the library sets it.
    nodeDefault(`nodejs_active_${kind}_total`, 'gauge', `Total number of active ${kind}.`),
  ]),
  nodeDefault('nodejs_heap_size_total_bytes', 'gauge', 'Process heap size from Node.js in bytes.'),
  nodeDefault('nodejs_heap_size_used_bytes', 'gauge', 'Process heap size used from Node.js in bytes.'),
  nodeDefault('nodejs_external_memory_bytes', 'gauge', 'Node.js external memory size in bytes.'),
  ...['total', 'used', 'available'].map((kind) =>
    nodeDefault(
      `nodejs_heap_space_size_${kind}_bytes`,
      'gauge',
      `Process heap space size ${kind} from Node.js in bytes.`,
      {
        space: { boundedBy: 'the heap spaces of V8 (new, old, code, large_object, ...)' },
      },
    ),
  ),
  nodeDefault('nodejs_version_info', 'gauge', 'Node.js version info.', {
    version: { boundedBy: 'the one Node.js version of the process' },
    major: { boundedBy: 'the one Node.js version of the process' },
    minor: { boundedBy: 'the one Node.js version of the process' },
    patch: { boundedBy: 'the one Node.js version of the process' },
  }),
  {
    ...nodeDefault('nodejs_gc_duration_seconds', 'histogram', 'Garbage collection duration by kind.', {
      kind: ['major', 'minor', 'incremental', 'weakcb'],
    }),
    buckets: GC_BUCKETS,
  },
];

/** Written by the scraper for every target it scrapes. */
export const SCRAPE_METRICS: readonly MetricDefinition[] = [
  {
    name: 'up',
    type: 'gauge',
    help: '1 if the last scrape of the target succeeded, 0 if it failed',
    labels: {},
    exposedBy: ALL_APPS,
    source: 'scrape',
  },
];

/** The whole catalogue: this project's metrics, the Node.js defaults, and what the scraper adds. */
export const CATALOGUE: readonly MetricDefinition[] = [
  ...Object.values<MetricDefinition>(METRICS),
  ...DEFAULT_NODE_METRICS,
  ...SCRAPE_METRICS,
];

/** The metric an exposed series belongs to, or undefined: `x_bucket` of histogram `x` is `x`. */
export function metricOfSeries(seriesName: string): MetricDefinition | undefined {
  return CATALOGUE.find((metric) => seriesNames(metric).includes(seriesName));
}

/** The series names a metric appears under in the exposition format. */
export function seriesNames(metric: MetricDefinition): string[] {
  return metric.type === 'histogram'
    ? ['_bucket', '_sum', '_count'].map((suffix) => metric.name + suffix)
    : [metric.name];
}

/** The metrics an app exposes, for a scrape of that app to be compared with. */
export function metricsExposedBy(app: AppName): MetricDefinition[] {
  return CATALOGUE.filter((metric) => metric.source !== 'scrape' && metric.exposedBy.includes(app));
}

function nodeDefault(
  name: string,
  type: MetricType,
  help: string,
  labels: Record<string, LabelValues> = {},
): MetricDefinition {
  return { name, type, help, labels, exposedBy: ALL_APPS, source: 'prom-client' };
}
