import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { readSamples } from '@app/observability';
import { DASHBOARDS_DIR } from '../../observability/artifacts';
import { AppName, MetricDefinition, metricOfSeries, metricsExposedBy } from '../../observability/catalogue';
import { parsePromql } from '../../observability/promql';
import { allRules } from '../../observability/prometheus/rule-files';
import { APPS } from '../../tools/apps';
import { MANAGEMENT_PORT } from '../../tools/launcher/ports';
import { narrow, startSystemUnderTest, systemKind, type SystemUnderTest } from './system-under-test';

/**
 * The metrics the apps of a running system expose, scraped from their management ports as Prometheus
 * does, against observability/catalogue.ts, and every metric a rule or a dashboard reads against them:
 * a metric renamed in an app, or in a query, fails here rather than in an empty panel.
 */
jest.setTimeout(180_000);

interface Scraped {
  /** By metric name, from its # TYPE line. */
  types: Map<string, string>;
  samples: { series: string; labels: Record<string, string> }[];
}

function parseExposition(text: string): Scraped {
  const types = new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => [name, type]));
  return { types, samples: readSamples(text).map(({ name, labels }) => ({ series: name, labels })) };
}

/** The metric names the Prometheus rules and the Grafana dashboards read, less the series rules record. */
function metricsRead(): string[] {
  const rules = allRules();
  const recorded = new Set(rules.flatMap((rule) => ('record' in rule ? [rule.record] : [])));
  const queries = rules.map((rule) => rule.expr);
  for (const file of readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith('.json'))) {
    const json = readFileSync(join(DASHBOARDS_DIR, file), 'utf8');
    for (const [, expr] of json.matchAll(/"expr": ("(?:[^"\\]|\\.)*")/g)) {
      queries.push((JSON.parse(expr) as string).replace(/\$(__rate_interval|__interval|__range)\b/g, '5m'));
    }
  }
  return [...new Set(queries.flatMap((query) => parsePromql(query).metrics))].filter((name) => !recorded.has(name));
}

// Scraping needs the launcher's management ports.
(systemKind === 'embedded' ? describe : describe.skip)('the metrics of the running system', () => {
  let system: SystemUnderTest;
  const scraped = new Map<AppName, Scraped>();

  beforeAll(async () => {
    system = await startSystemUnderTest('metrics');
    const { ports } = narrow(system, 'embedded').launched;
    const gateway = system.gateway;
    // Some of every kind of request, so that the labelled series exist.
    const email = `metrics-${Date.now()}@example.com`;
    const password = 'a sturdy password';
    await request(gateway).post('/auth/register').send({ email, password, displayName: 'Metered' }).expect(201);
    await request(gateway).post('/auth/login').send({ email, password: 'not the password' }).expect(401);
    const login = await request(gateway).post('/auth/login').send({ email, password }).expect(200);
    const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
    // Reuse once the successor has been used too: no retry within the grace period, so detected.
    const rotated = await request(gateway).post('/auth/refresh').send({ refreshToken }).expect(200);
    await request(gateway).post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(200);
    await request(gateway).post('/auth/refresh').send({ refreshToken }).expect(401);
    const { mysfits } = (await request(gateway).get('/mysfits').expect(200)).body as {
      mysfits: { mysfitId: string }[];
    };
    const [liked, adopted] = mysfits.map((mysfit) => mysfit.mysfitId);
    const like = () => request(gateway).post(`/mysfits/${liked}/like`).set('authorization', `Bearer ${accessToken}`);
    await like().expect(200);
    await like().expect(200); // already liked
    await request(gateway).post(`/mysfits/${adopted}/adopt`).set('authorization', `Bearer ${accessToken}`).expect(201);
    await request(gateway).get(`/mysfits/${adopted}`).expect(200);

    for (const app of APPS) {
      const response = await fetch(`http://127.0.0.1:${ports[MANAGEMENT_PORT[app]]}/metrics`);
      scraped.set(app, parseExposition(await response.text()));
    }
  }, 240_000);

  afterAll(() => system?.stop());

  it.each(APPS)('%s exposes exactly the metrics the catalogue lists for it, of their types', (app) => {
    const { types } = scraped.get(app) as Scraped;
    const expected = new Map(metricsExposedBy(app).map((metric) => [metric.name, metric.type]));
    expect(new Map([...types].sort())).toEqual(new Map([...expected].sort()));
  });

  it.each(APPS)("%s labels its series as the catalogue says, and its histograms' buckets", (app) => {
    const problems: string[] = [];
    for (const { series, labels } of (scraped.get(app) as Scraped).samples) {
      const metric = metricOfSeries(series) as MetricDefinition;
      const { le, service, ...own } = labels;
      if (service !== app) problems.push(`${series} has service="${service}"`);
      if (metric.source === 'prom-client') continue;
      for (const [name, value] of Object.entries(own)) {
        const domain = metric.labels[name];
        if (!domain) problems.push(`${series} has a label ${name} the catalogue does not list`);
        else if (Array.isArray(domain) && !domain.includes(value)) problems.push(`${series} has ${name}="${value}"`);
      }
      for (const name of Object.keys(metric.labels)) {
        if (!(name in own)) problems.push(`${series} lacks the label ${name}`);
      }
      if (series.endsWith('_bucket') && le !== '+Inf' && !metric.buckets?.includes(Number(le))) {
        problems.push(`${series} has a bucket le="${le}" the catalogue does not list`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('exposes every metric a Prometheus rule or a Grafana panel reads, from the apps the catalogue names', () => {
    const read = metricsRead();
    expect(read.length).toBeGreaterThan(10);
    const missing = read.flatMap((series) => {
      const metric = metricOfSeries(series);
      if (!metric) return [`${series} (not in the catalogue)`];
      if (metric.source === 'scrape') return [];
      return metric.exposedBy
        .filter((app) => !scraped.get(app)?.types.has(metric.name))
        .map((app) => `${series} (not exposed by ${app})`);
    });
    expect(missing).toEqual([]);
  });

  it("serves /status.html through the gateway, with each hop's calls read from the apps' metrics", async () => {
    const page = await request(system.gateway).get('/status.html').expect(200);
    // The CSP allows no inline script or style: the page's are files of their own.
    expect(page.text).toContain('<script type="module" src="/status.js"></script>');
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=/);
    await request(system.gateway)
      .get('/status.js')
      .expect(200)
      .expect('content-type', /javascript/);

    const { body } = await request(system.gateway).get('/status/hops').expect(200);
    const report = body as { read: string[]; unreachable: string[]; hops: { hop: string; calls: number }[] };
    expect(report.read).toEqual([...APPS].sort());
    expect(report.unreachable).toEqual([]);
    const calls = Object.fromEntries(report.hops.map((hop) => [hop.hop, hop.calls]));
    expect(calls['gateway → like']).toBeGreaterThanOrEqual(2);
    expect(calls['like → monolith']).toBeGreaterThanOrEqual(2);
    expect(calls['monolith → DynamoDB']).toBeGreaterThan(0);
    expect(calls['monolith → auth (gRPC)']).toBeGreaterThanOrEqual(1);
    expect(calls['auth → PostgreSQL']).toBeGreaterThan(0);
  });

  it('counts the business events and the dependency calls of the requests above', () => {
    const seen = (app: AppName, series: string, labels: Record<string, string>) =>
      scraped
        .get(app)
        ?.samples.some(
          (sample) =>
            sample.series === series && Object.entries(labels).every(([name, value]) => sample.labels[name] === value),
        );
    expect({
      logins: ['succeeded', 'failed'].map((result) => seen('auth', 'auth_logins_total', { result })),
      refreshes: ['rotated', 'reuse_detected'].map((result) => seen('auth', 'auth_token_refreshes_total', { result })),
      likes: ['recorded', 'already_liked'].map((result) => seen('monolith', 'mysfit_likes_total', { result })),
      adoptions: seen('monolith', 'mysfit_adoptions_total', { result: 'adopted' }),
      dynamodb: seen('monolith', 'dynamodb_operation_duration_seconds_count', { operation: 'TransactWriteItems' }),
      dynamodbRefusal: seen('monolith', 'dynamodb_operation_errors_total', {
        operation: 'TransactWriteItems',
        error: 'condition_failed',
      }),
      postgres: ['auth', 'app'].map((database) =>
        seen(database === 'auth' ? 'auth' : 'monolith', 'postgres_query_duration_seconds_count', {
          database,
          operation: 'SELECT',
        }),
      ),
      grpc: [
        seen('monolith', 'grpc_client_call_duration_seconds_count', { grpc_method: 'GetUsers', grpc_code: 'OK' }),
        seen('auth', 'grpc_server_call_duration_seconds_count', { grpc_method: 'GetUsers', grpc_code: 'OK' }),
      ],
      breaker: seen('like', 'circuit_breaker_state', { breaker: 'monolith', state: 'closed' }),
      monolithCalls: seen('like', 'http_client_request_duration_seconds_count', {
        route: '/mysfits/:id/fulfill-like',
        outcome: 'success',
      }),
      gateway: seen('gateway', 'gateway_routed_request_duration_seconds_count', {
        ingress_path: '/mysfits/*/like',
        backend: 'like',
        status_code: '200',
      }),
    }).toEqual({
      logins: [true, true],
      refreshes: [true, true],
      likes: [true, true],
      adoptions: true,
      dynamodb: true,
      dynamodbRefusal: true,
      postgres: [true, true],
      grpc: [true, true],
      breaker: true,
      monolithCalls: true,
      gateway: true,
    });
  });
});
