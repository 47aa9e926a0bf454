import { join } from 'node:path';
import { loadSync } from '@grpc/proto-loader';
import { CATALOGUE, METRICS, type MetricDefinition, metricOfSeries, metricsExposedBy } from './catalogue';
import { catalogueProblems, conventionProblems } from './conventions';

const AUTH_PROTO = join(__dirname, '..', 'libs', 'auth-rpc', 'proto', 'auth.proto');

const valid: MetricDefinition = {
  name: 'widgets_made_total',
  type: 'counter',
  help: 'Widgets made',
  labels: { result: ['made', 'scrapped'] },
  exposedBy: ['monolith'],
  source: 'app',
};

describe('the metric catalogue', () => {
  it('follows the Prometheus naming conventions and has only bounded labels', () => {
    expect(catalogueProblems(CATALOGUE)).toEqual([]);
  });

  it('accepts a well-formed metric', () => {
    expect(conventionProblems(valid)).toEqual([]);
  });

  it.each<[string, Partial<MetricDefinition>, string]>([
    ['a counter without _total', { name: 'widgets_made' }, 'without the _total suffix'],
    ['a gauge with _total', { type: 'gauge' }, 'gauge with the _total suffix'],
    ['camelCase', { name: 'widgetsMade_total' }, 'not snake_case'],
    ['milliseconds', { name: 'widget_duration_milliseconds', type: 'histogram', buckets: [1] }, 'not a base unit'],
    [
      'a histogram without a unit',
      { name: 'widget_duration', type: 'histogram', buckets: [1] },
      'end in its base unit',
    ],
    ['a histogram without buckets', { name: 'widget_duration_seconds', type: 'histogram' }, 'ascending buckets'],
    ['a raw path label', { labels: { path: { boundedBy: 'paths' } } }, 'label path would carry unbounded values'],
    ['a user id label', { labels: { user_id: ['a'] } }, 'label user_id would carry unbounded values'],
    ['a request id label', { labels: { request_id: ['a'] } }, 'label request_id would carry unbounded'],
    ['an open set with no structural bound', { labels: { mysfit: { boundedBy: 'the seed' } } }, 'open set of values'],
    ['an empty closed set', { labels: { result: [] } }, 'between 1 and 32 distinct values'],
    ['the reserved le label', { labels: { le: ['1'] } }, 'label le is set by Prometheus'],
    ['an unknown app', { exposedBy: ['billing' as never] }, 'must name the apps'],
  ])('refuses %s', (_case, change, problem) => {
    const problems = conventionProblems({ ...valid, ...change });
    expect(problems).toContainEqual(expect.stringContaining(problem));
  });

  it('refuses two metrics that expose the same series', () => {
    const histogram: MetricDefinition = { ...valid, name: 'widget_seconds', type: 'histogram', buckets: [1] };
    const clash: MetricDefinition = { ...valid, name: 'widget_seconds_count', type: 'gauge' };
    expect(catalogueProblems([histogram, clash])).toContainEqual(expect.stringContaining('exposed by both'));
  });

  it('keeps the HTTP duration histogram every app exposes today under its name', () => {
    expect(METRICS.httpServerRequestDuration.name).toBe('http_server_request_duration_seconds');
    for (const app of ['auth', 'monolith', 'like', 'gateway'] as const) {
      expect(metricsExposedBy(app).map((m) => m.name)).toContain('http_server_request_duration_seconds');
    }
  });

  it('finds the metric of an exposed series', () => {
    expect(metricOfSeries('http_server_request_duration_seconds_bucket')?.name).toBe(
      'http_server_request_duration_seconds',
    );
    expect(metricOfSeries('nodejs_heap_size_used_bytes')?.source).toBe('prom-client');
    expect(metricOfSeries('gateway_routed_requests_total')).toBeUndefined();
  });

  it('labels gRPC calls with exactly the services and rpcs of the auth .proto', () => {
    const definition = loadSync(AUTH_PROTO, { keepCase: true });
    const services = Object.entries(definition).filter(([, value]) => !('format' in value));
    const rpcs = services.flatMap(([, methods]) => Object.keys(methods));
    for (const metric of [METRICS.grpcClientCallDuration, METRICS.grpcServerCallDuration]) {
      expect([...metric.labels.grpc_service].sort()).toEqual(services.map(([name]) => name).sort());
      expect([...metric.labels.grpc_method].sort()).toEqual([...rpcs].sort());
    }
  });
});
