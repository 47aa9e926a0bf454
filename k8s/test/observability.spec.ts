import { parse } from 'yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { scrapeTargets } from '../../tools/observe/targets';
import { benchSettings } from '../../tools/bench/settings';
import { DEFAULT_PORTS } from '../../tools/launcher/ports';
import { labelsMatch, podLabels, podSpec, type K8sObject } from './support/manifests';
import { APPS, NAMESPACE, VPC_CIDR } from './support/mysfits';
import { address, allows, nthAddress, podsOf, type Flow } from './support/network';
import { networkPolicies } from './support/flows';
import { RULES } from './support/rules';
import { schemaErrors } from './support/schema';
import { unknownFields } from './support/strict-fields';
import { eksWithObservability } from './support/overlays';

/** components/observability, in the EKS overlay the deploy writes when Terraform has observability_enabled. */
const m = eksWithObservability();
const COLLECTOR = 'otel-collector';

/** The app rules the collector does not follow, and why. */
const COLLECTOR_EXEMPTIONS: Record<string, string> = {
  probes: "its health is the collector's health_check endpoint (/), not the apps' /health/live and /health/ready",
  'management-port': 'not one of the apps: no ADMIN_PORT, and no Ingress routes to it',
  'rolling-update': 'one replica replaced with Recreate: two collectors at once would write every sample twice',
  replicas: 'one replica, for the same reason',
  spread: 'one replica',
  'disruption-budget': 'one replica; an eviction loses one scrape interval',
  'graceful-shutdown': 'no load balancer sends it requests, so there is nothing to drain behind a preStop pause',
  'keep-alive': 'not behind the ALB',
};

interface ScrapeConfig {
  job_name: string;
  dns_sd_configs: { names: string[]; type: string }[];
}

function collectorConfig(): { receivers: { prometheus: { config: { scrape_configs: ScrapeConfig[] } } } } {
  const configMap = m.ofKind('ConfigMap').find((c) => c.metadata.name.startsWith('otel-collector-config'));
  return parse(configMap?.data?.['config.yaml'] ?? '') as ReturnType<typeof collectorConfig>;
}

/** The port of an app's pods that serves /health (and with it /metrics): where its readiness probe goes. */
function managementPort(d: IDeployment): string | number | undefined {
  return podSpec(d).containers[0].readinessProbe?.httpGet?.port;
}

describe('components/observability', () => {
  it('renders core kinds only, valid against the Kubernetes schema, with no unknown field', () => {
    expect(m.objects.flatMap(schemaErrors)).toEqual([]);
    expect(m.objects.flatMap(unknownFields)).toEqual([]);
  });

  it("keeps the apps' rules, and breaks on the collector only those it is exempt from", () => {
    const violations = RULES.flatMap((rule) =>
      rule
        .check(m)
        .filter((v) => v.includes(COLLECTOR))
        .map((v) => [rule.id, v]),
    );
    expect(violations.filter(([id]) => !(id in COLLECTOR_EXEMPTIONS))).toEqual([]);
    for (const id of ['non-root', 'read-only-root-filesystem', 'no-api-token', 'resources', 'references-resolve']) {
      expect(RULES.find((rule) => rule.id === id)?.check(m)).toEqual([]);
    }
    expect(networkPolicies.check(m)).toEqual([]);
  });

  it('scrapes every app, as a job named after it, on the port its /health and /metrics listen on', () => {
    const jobs = collectorConfig().receivers.prometheus.config.scrape_configs;
    expect(jobs.map((job) => job.job_name).sort()).toEqual([...APPS].sort());
    for (const job of jobs) {
      const [{ names, type }] = job.dns_sd_configs;
      expect(type).toBe('SRV');
      const [, portName, service, namespace] =
        /^_([a-z0-9-]+)\._tcp\.([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local$/.exec(names[0]) ?? [names[0]];
      expect(namespace).toBe(NAMESPACE);
      const svc = m.find('Service', service);
      expect(svc?.spec?.clusterIP).toBe('None');
      const port = svc?.spec?.ports?.find((p) => p.name === portName);
      const selected = m.deploymentsSelectedBy(svc?.spec?.selector);
      expect(selected.map((d) => d.metadata.name)).toEqual([job.job_name]);
      expect(port?.targetPort).toBe(managementPort(selected[0]));
    }
  });

  it('names its jobs as npm run observe does, so rules and dashboards work in both places', () => {
    const local = scrapeTargets(DEFAULT_PORTS).map((target) => target.job);
    const jobs = collectorConfig().receivers.prometheus.config.scrape_configs.map((job) => job.job_name);
    expect(local).toEqual(expect.arrayContaining(jobs));
  });

  it('points the apps at its OTLP port', () => {
    const config = m.ofKind('ConfigMap').find((c) => c.metadata.name.startsWith('mysfits-config'));
    const endpoint = new URL(config?.data?.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://missing');
    const service = m.find('Service', endpoint.hostname);
    expect(service?.spec?.ports?.find((p) => p.port === Number(endpoint.port))?.name).toBe('otlp-http');
    expect(m.deploymentsSelectedBy(service?.spec?.selector).map((d) => d.metadata.name)).toEqual([COLLECTOR]);
  });

  it('samples traces as the bench measures them', () => {
    const config = m.ofKind('ConfigMap').find((c) => c.metadata.name.startsWith('mysfits-config'));
    const bench = benchSettings({});
    expect(config?.data).toMatchObject({
      OTEL_TRACES_SAMPLER: bench.BENCH_TRACES_SAMPLER,
      OTEL_TRACES_SAMPLER_ARG: bench.BENCH_TRACES_SAMPLER_ARG,
    });
  });

  it('gets through the network policies exactly where it must', () => {
    const policies = m.ofKind('NetworkPolicy');
    const collector = podsOf(m, COLLECTOR);
    const apps = APPS.map((app) => podsOf(m, app));
    const flow = (from: Flow['from'], to: Flow['to'], port: number | string): Flow => ({
      from,
      to,
      port,
      protocol: 'TCP',
    });
    const aws = address('AWS APIs', '52.94.0.10');
    const alb = address('the ALB', nthAddress(VPC_CIDR, 10));
    const rds = address('RDS', nthAddress(VPC_CIDR, 20));
    const allowed = [
      ...apps.map((app) => flow(collector, app, 'admin')),
      ...apps.map((app) => flow(app, collector, 'otlp-http')),
      ...apps.map((app) => flow(app, collector, 'otlp-grpc')),
      flow(collector, aws, 443),
    ];
    const denied = [
      flow(alb, collector, 'otlp-http'),
      flow(collector, rds, 5432),
      flow(collector, apps[0], 'grpc'),
      flow(collector, apps[0], 'http'),
    ];
    const name = (f: Flow) => `${f.from.name} -> ${f.to.name}:${f.port}`;
    expect(allowed.filter((f) => !allows(policies, f)).map(name)).toEqual([]);
    expect(denied.filter((f) => allows(policies, f)).map(name)).toEqual([]);
  });

  it('runs the collector under its own ServiceAccount, with an IAM role and no Kubernetes API token', () => {
    const deployment = m.find('Deployment', COLLECTOR) as IDeployment & K8sObject;
    const account = m.find('ServiceAccount', podSpec(deployment).serviceAccountName ?? '');
    expect(account?.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(podSpec(deployment).automountServiceAccountToken).toBe(false);
    expect(labelsMatch(podLabels(deployment), { 'app.kubernetes.io/name': COLLECTOR })).toBe(true);
  });
});
