import { APP_NAMES, type MetricDefinition, seriesNames } from './catalogue';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** Base units a name may end in (before `_total`), and units that must be converted to them first. */
const BASE_UNITS = ['seconds', 'bytes', 'ratio'];
const NON_BASE_UNITS =
  /_(milliseconds|microseconds|nanoseconds|ms|us|minutes|hours|days|kilobytes|megabytes|gigabytes|kb|mb|gb|percent)(_|$)/;
/** Label names whose values come from request data, or that Prometheus and the apps set themselves. */
const UNBOUNDED_LABELS =
  /^(path|raw_path|url|uri|query|user|user_id|email|request_id|trace_id|span_id|session|token|ip|client_ip|mysfit_id|id)$/;
const RESERVED_LABELS = ['job', 'instance', 'service', 'le', 'quantile'];
/** Open label sets whose bound is structural (a route table, the status codes, the process itself). */
const STRUCTURALLY_BOUNDED = [
  'route',
  'status_code',
  'ingress_path',
  'type',
  'space',
  'version',
  'major',
  'minor',
  'patch',
];
const MAX_CLOSED_VALUES = 32;
/** prom-client's default metrics that break a convention; the library names them, not this project. */
const LIBRARY_NAMES = ['nodejs_active_resources_total', 'nodejs_active_handles_total', 'nodejs_active_requests_total'];

/** What is wrong with one metric definition; nothing when it follows the conventions. */
export function conventionProblems(metric: MetricDefinition): string[] {
  const problems: string[] = [];
  const fail = (problem: string) => problems.push(`${metric.name}: ${problem}`);
  const { name, type } = metric;
  const libraryName = metric.source === 'prom-client' && LIBRARY_NAMES.includes(name);

  if (!SNAKE_CASE.test(name)) fail('is not snake_case');
  if (NON_BASE_UNITS.test(name)) fail('names a unit that is not a base unit (seconds, bytes)');
  if (type === 'counter' && !name.endsWith('_total')) fail('is a counter without the _total suffix');
  if (type !== 'counter' && name.endsWith('_total') && !libraryName) fail(`is a ${type} with the _total suffix`);
  if (type === 'histogram' && !BASE_UNITS.some((unit) => name.endsWith(`_${unit}`))) {
    fail('is a histogram whose name does not end in its base unit');
  }
  if (/_(count|sum|bucket)$/.test(name)) fail('ends like a histogram series (_count, _sum, _bucket)');
  if (!metric.help.trim()) fail('has no help text');

  for (const [label, values] of Object.entries(metric.labels)) {
    if (!SNAKE_CASE.test(label)) fail(`label ${label} is not snake_case`);
    if (RESERVED_LABELS.includes(label)) fail(`label ${label} is set by Prometheus or by every app, not per metric`);
    if (UNBOUNDED_LABELS.test(label)) fail(`label ${label} would carry unbounded values from requests`);
    if ('boundedBy' in values) {
      if (!STRUCTURALLY_BOUNDED.includes(label)) fail(`label ${label} has an open set of values; list them`);
    } else if (values.length === 0 || values.length > MAX_CLOSED_VALUES || new Set(values).size !== values.length) {
      fail(`label ${label} must list between 1 and ${MAX_CLOSED_VALUES} distinct values`);
    }
  }

  const buckets = metric.buckets ?? [];
  if (type === 'histogram') {
    const ascending = buckets.every((bound, i) => bound > 0 && (i === 0 || bound > buckets[i - 1]));
    if (buckets.length === 0 || !ascending) fail('needs positive, ascending buckets');
  } else if (buckets.length > 0) fail(`is a ${type} with buckets`);

  if (metric.exposedBy.length === 0 || metric.exposedBy.some((app) => !APP_NAMES.includes(app))) {
    fail('must name the apps that expose it');
  }
  return problems;
}

/** Problems across the catalogue: names (and the series they expose) used twice. */
export function catalogueProblems(metrics: readonly MetricDefinition[]): string[] {
  const problems = metrics.flatMap(conventionProblems);
  const owners = new Map<string, string>();
  for (const metric of metrics) {
    for (const name of new Set([metric.name, ...seriesNames(metric)])) {
      const owner = owners.get(name);
      if (owner) problems.push(`${name}: exposed by both ${owner} and ${metric.name}`);
      owners.set(name, metric.name);
    }
    if (metric.replaces && metrics.some((other) => other.name === metric.replaces)) {
      problems.push(`${metric.name}: replaces ${metric.replaces}, which is still in the catalogue`);
    }
  }
  return problems;
}
