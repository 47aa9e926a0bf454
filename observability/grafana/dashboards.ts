/* eslint-disable @typescript-eslint/no-deprecated --
   DashboardBuilder writes the classic dashboard JSON model, which every Grafana in use imports (Amazon
   Managed Grafana included); its dashboardv2 successor needs Grafana 12's schema v2. */
import {
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { DashboardBuilder, DatasourceVariableBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import { type AppName, METRICS } from '../catalogue';
import { ERROR_BUDGET_REMAINING, errorRatio } from '../prometheus/slo-rules';

/**
 * The Grafana dashboards: one overview (SLOs and error budgets, RED per service, the like path hop by
 * hop, business events) and one per app. Every panel queries the data source chosen in the `datasource`
 * variable, so the same JSON imports into any Grafana: a local one, or Amazon Managed Grafana with the
 * Amazon Managed Service for Prometheus workspace.
 */

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const RATE = '$__rate_interval';
const HTTP = METRICS.httpServerRequestDuration.name;

interface Query {
  expr: string;
  legend: string;
}

const q = (expr: string, legend: string): Query => ({ expr, legend });

function timeseries(title: string, unit: string, queries: Query[], description?: string) {
  const panel = new TimeseriesPanel()
    .title(title)
    .unit(unit)
    .datasource(DATASOURCE)
    .span(12)
    .height(8)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.List)
        .placement(LegendPlacement.Bottom),
    );
  if (description) panel.description(description);
  queries.forEach((query, i) => panel.withTarget(target(query, i)));
  return panel;
}

function stat(title: string, unit: string, query: Query, description: string) {
  return new StatPanel()
    .title(title)
    .description(description)
    .unit(unit)
    .datasource(DATASOURCE)
    .span(24)
    .height(5)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .withTarget(target(query, 0));
}

function target(query: Query, index: number) {
  return new DataqueryBuilder()
    .refId(String.fromCharCode(65 + index))
    .expr(query.expr)
    .legendFormat(query.legend)
    .datasource(DATASOURCE);
}

function dashboard(uid: string, title: string) {
  return new DashboardBuilder(title)
    .uid(uid)
    .tags(['mysfits'])
    .refresh('30s')
    .time({ from: 'now-3h', to: 'now' })
    .withVariable(new DatasourceVariableBuilder('datasource').label('Prometheus').type('prometheus'));
}

const p95 = (metric: string, selector: string, by: string) =>
  `histogram_quantile(0.95, sum by (le, ${by}) (rate(${metric}_bucket${selector}[${RATE}])))`;
const rate = (metric: string, selector: string, by: string) => `sum by (${by}) (rate(${metric}${selector}[${RATE}]))`;
const errorShare = (metric: string, selector: string, bad: string, by: string) =>
  `${rate(`${metric}_count`, `{${[selector, bad].filter(Boolean).join(',')}}`, by)} / ${rate(`${metric}_count`, selector ? `{${selector}}` : '', by)}`;

/** Rate, errors and duration of one app's HTTP routes. */
function httpRedPanels(service: AppName) {
  const selector = `service="${service}"`;
  return [
    timeseries('Requests by route', 'reqps', [q(rate(`${HTTP}_count`, `{${selector}}`, 'route'), '{{route}}')]),
    timeseries('5xx share by route', 'percentunit', [
      q(errorShare(HTTP, selector, 'status_code=~"5.."', 'route'), '{{route}}'),
    ]),
    timeseries('p95 duration by route', 's', [q(p95(HTTP, `{${selector}}`, 'route'), '{{route}}')]),
    timeseries('Answers by status code', 'reqps', [
      q(rate(`${HTTP}_count`, `{${selector}}`, 'status_code'), '{{status_code}}'),
    ]),
  ];
}

function processPanels(service: AppName) {
  const selector = `{service="${service}"}`;
  return [
    timeseries('CPU', 'percentunit', [q(`rate(process_cpu_seconds_total${selector}[${RATE}])`, '{{instance}}')]),
    timeseries('Resident memory', 'bytes', [q(`process_resident_memory_bytes${selector}`, '{{instance}}')]),
    timeseries('Event loop lag p99', 's', [q(`nodejs_eventloop_lag_p99_seconds${selector}`, '{{instance}}')]),
    timeseries('Up', 'short', [q(`up{job="${service}"}`, '{{instance}}')]),
  ];
}

function dependencyPanels(service: AppName) {
  const on = `service="${service}"`;
  const { grpcClientCallDuration: grpcClient, dynamodbOperationDuration: dynamo, postgresQueryDuration: pg } = METRICS;
  const postgres = [
    timeseries('PostgreSQL p95 by statement', 's', [q(p95(pg.name, `{${on}}`, 'operation'), '{{operation}}')]),
    timeseries('PostgreSQL errors', 'short', [
      q(rate(METRICS.postgresQueryErrors.name, `{${on}}`, 'operation, error'), '{{operation}} {{error}}'),
    ]),
  ];
  const authCalls = [
    timeseries('gRPC calls to auth: p95', 's', [q(p95(grpcClient.name, `{${on}}`, 'grpc_method'), '{{grpc_method}}')]),
    timeseries('gRPC calls to auth by code', 'reqps', [
      q(rate(`${grpcClient.name}_count`, `{${on}}`, 'grpc_method, grpc_code'), '{{grpc_method}} {{grpc_code}}'),
    ]),
  ];
  switch (service) {
    case 'auth':
      return [
        ...postgres,
        timeseries('gRPC served: p95', 's', [
          q(p95(METRICS.grpcServerCallDuration.name, `{${on}}`, 'grpc_method'), '{{grpc_method}}'),
        ]),
        timeseries('gRPC served by code', 'reqps', [
          q(
            rate(`${METRICS.grpcServerCallDuration.name}_count`, `{${on}}`, 'grpc_method, grpc_code'),
            '{{grpc_method}} {{grpc_code}}',
          ),
        ]),
      ];
    case 'monolith':
      return [
        timeseries('DynamoDB p95 by operation', 's', [q(p95(dynamo.name, `{${on}}`, 'operation'), '{{operation}}')]),
        timeseries('DynamoDB errors', 'short', [
          q(rate(METRICS.dynamodbOperationErrors.name, `{${on}}`, 'operation, error'), '{{operation}} {{error}}'),
        ]),
        ...postgres,
        ...authCalls,
      ];
    case 'like':
      return [
        timeseries('Calls to the monolith: p95', 's', [
          q(p95(METRICS.httpClientRequestDuration.name, `{${on}}`, 'route'), '{{route}}'),
        ]),
        timeseries('Calls to the monolith by outcome', 'reqps', [
          q(rate(`${METRICS.httpClientRequestDuration.name}_count`, `{${on}}`, 'outcome'), '{{outcome}}'),
        ]),
        timeseries('Circuit breaker state', 'short', [
          q(`max by (state) (${METRICS.circuitBreakerState.name}{${on},breaker="monolith"})`, '{{state}}'),
        ]),
        ...authCalls,
      ];
    case 'gateway': {
      const routed = METRICS.gatewayRoutedRequestDuration.name;
      return [
        timeseries('Routed requests by Ingress path', 'reqps', [
          q(rate(`${routed}_count`, '', 'ingress_path, backend'), '{{ingress_path}} → {{backend}}'),
        ]),
        timeseries('Routed p95 by Ingress path', 's', [q(p95(routed, '', 'ingress_path'), '{{ingress_path}}')]),
      ];
    }
  }
}

function businessPanels(service: AppName) {
  const counters = Object.values(METRICS).filter(
    (metric) =>
      metric.type === 'counter' && 'result' in metric.labels && metric.exposedBy.some((app) => app === service),
  );
  return counters.map((metric) =>
    timeseries(metric.help.split(':')[0], 'short', [q(rate(metric.name, '', 'result'), '{{result}}')]),
  );
}

type Panel = ReturnType<typeof timeseries> | ReturnType<typeof stat>;

/** A dashboard of titled rows, each with its panels below it, laid out two to a row. */
function withRows(builder: DashboardBuilder, rows: [title: string, panels: Panel[]][]) {
  for (const [title, panels] of rows.filter(([, panels]) => panels.length > 0)) {
    builder.withRow(new RowBuilder(title));
    panels.forEach((panel) => builder.withPanel(panel));
  }
  return builder;
}

export function serviceDashboard(service: AppName) {
  return withRows(dashboard(`mysfits-${service}`, `Mysfits / ${service}`), [
    ['Requests (RED by route)', httpRedPanels(service)],
    ['Dependencies', dependencyPanels(service)],
    ['Business events', businessPanels(service)],
    ['Process', processPanels(service)],
  ]);
}

/** Each hop of a like, and auth over gRPC, as [hop, metric, selector]. */
const LIKE_PATH: [hop: string, metric: string, selector: string][] = [
  ['gateway', METRICS.gatewayRoutedRequestDuration.name, '{ingress_path="/mysfits/*/like"}'],
  ['like', HTTP, '{service="like",route="/mysfits/:id/like"}'],
  ['like → monolith', METRICS.httpClientRequestDuration.name, '{service="like",peer="monolith"}'],
  ['monolith fulfill-like', HTTP, '{service="monolith",route="/mysfits/:id/fulfill-like"}'],
  [
    'DynamoDB TransactWriteItems',
    METRICS.dynamodbOperationDuration.name,
    '{service="monolith",operation="TransactWriteItems"}',
  ],
  ['like → auth (gRPC)', METRICS.grpcClientCallDuration.name, '{service="like"}'],
];

export function overviewDashboard() {
  const apps = 'service';
  const slo = [
    stat(
      'Error budget left (30 days)',
      'percentunit',
      q(ERROR_BUDGET_REMAINING, '{{slo}} {{sli}}'),
      "Share of each objective's 30-day error budget not yet spent (observability/slos.ts)",
    ),
    timeseries(
      'Error ratio, last hour',
      'percentunit',
      [q(errorRatio('1h'), '{{slo}} {{sli}}')],
      'Bad requests (5xx, or slower than the threshold) over the last hour; the fast burn alert fires at 14.4 times the budget',
    ),
    timeseries('Error ratio, last 6 hours', 'percentunit', [q(errorRatio('6h'), '{{slo}} {{sli}}')]),
  ];
  const red = [
    timeseries('Requests by service', 'reqps', [q(rate(`${HTTP}_count`, '', apps), '{{service}}')]),
    timeseries('5xx share by service', 'percentunit', [
      q(errorShare(HTTP, '', 'status_code=~"5.."', apps), '{{service}}'),
    ]),
    timeseries('p95 duration by service', 's', [q(p95(HTTP, '', apps), '{{service}}')]),
    timeseries('Targets up', 'short', [q('sum by (job) (up)', '{{job}}')]),
  ];
  const likePath = [
    timeseries(
      'Like path: p95 of each hop',
      's',
      LIKE_PATH.map(([hop, metric, selector]) =>
        q(`histogram_quantile(0.95, sum by (le) (rate(${metric}_bucket${selector}[${RATE}])))`, hop),
      ),
      'Each hop includes the ones after it: the first hop whose time jumps is the cause',
    ),
    timeseries(
      'Like path: calls per second of each hop',
      'reqps',
      LIKE_PATH.map(([hop, metric, selector]) => q(`sum(rate(${metric}_count${selector}[${RATE}]))`, hop)),
    ),
    timeseries('Circuit breaker open', 'short', [
      q(`max by (breaker) (${METRICS.circuitBreakerState.name}{state="open"})`, '{{breaker}}'),
    ]),
  ];
  const business = (['monolith', 'auth'] as const).flatMap(businessPanels);
  return withRows(dashboard('mysfits-overview', 'Mysfits / overview'), [
    ['Service level objectives', slo],
    ['RED per service', red],
    ['The like path, hop by hop', likePath],
    ['Business events', business],
  ]);
}

/** Every dashboard, by file name. */
export function dashboards(): Map<string, DashboardBuilder> {
  return new Map([
    ['overview', overviewDashboard()],
    ...(['auth', 'monolith', 'like', 'gateway'] as const).map(
      (app) => [app, serviceDashboard(app)] as [string, DashboardBuilder],
    ),
  ]);
}
