import { parseAllDocuments } from 'yaml';
import { appSecrets } from './app-secrets';
import { DeployError } from './deploy-error';
import { environmentKustomization } from './overlay';
import {
  renderEnvironment,
  SAMPLE_TAG,
  sampleOutputs,
  withObservability,
  withoutDomain,
} from './test/sample-environment';
import type { DeployOutputs } from './terraform-outputs';

interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
}
interface RenderedObject {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    template?: { spec: { containers: Container[]; initContainers?: Container[]; securityContext?: object } };
    ingress?: { from: { ipBlock?: { cidr: string } }[] }[];
    egress?: { to: { ipBlock?: { cidr: string } }[] }[];
  };
}

/** Strings that would mean an example value reached the cluster. */
const PLACEHOLDERS = /111122223333|example\.(com|org)|change[-_]?me|0000-0000|<[^>\n]*>|placeholder|REPLACE|TODO/i;

function render(outputs: DeployOutputs) {
  const text = renderEnvironment(outputs);
  const objects = parseAllDocuments(text).map((document) => document.toJS() as RenderedObject);
  const find = (kind: string, name: string) => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`the overlay renders no ${kind} ${name}`);
    return found;
  };
  const pod = (kind: string, name: string) => {
    const spec = find(kind, name).spec?.template?.spec;
    if (!spec) throw new Error(`${kind} ${name} has no pod template`);
    return spec;
  };
  /** The data of the generated ConfigMap, whose name is the prefix and a hash. */
  const configMap = (prefix: string) =>
    objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith(`${prefix}-`))?.data ?? {};
  const containers = objects.flatMap((o) => [
    ...(o.spec?.template?.spec.initContainers ?? []),
    ...(o.spec?.template?.spec.containers ?? []),
  ]);
  const annotation = (kind: string, name: string, key: string) => find(kind, name).metadata.annotations?.[key];
  return { text, objects, find, pod, configMap, containers, annotation };
}

const env = (container: Container, name: string) => container.env?.find((e) => e.name === name)?.value;

describe.each([
  ['with a domain', sampleOutputs()],
  ['without a domain', sampleOutputs(withoutDomain)],
])('the overlay the deploy writes from terraform outputs, %s, rendered by kubectl kustomize', (_, outputs) => {
  const site = render(outputs);

  it('runs every container from an ECR repository of the outputs, at the deploy tag', () => {
    const repositories = Object.values(outputs.ecr_repository_urls);
    expect(site.containers.length).toBeGreaterThanOrEqual(7);
    for (const { image } of site.containers) {
      const [repository, tag] = image.split(/:(?=[^:]+$)/);
      expect(repositories).toContain(repository);
      expect(tag).toBe(SAMPLE_TAG);
    }
  });

  it('annotates the service accounts with the IAM roles of the outputs, and only these', () => {
    const annotated = site.objects
      .filter((o) => o.metadata.annotations?.['eks.amazonaws.com/role-arn'])
      .map((o) => [o.kind, o.metadata.name, o.metadata.annotations?.['eks.amazonaws.com/role-arn']]);
    expect(annotated.sort()).toEqual(
      Object.entries(outputs.service_account_role_arns)
        .map(([account, role]) => ['ServiceAccount', account, role])
        .sort(),
    );
  });

  it('gives the apps the region and the table names of the outputs', () => {
    expect(site.configMap('mysfits-config')).toMatchObject({
      AWS_REGION: outputs.region,
      MYSFITS_TABLE: outputs.mysfits_table_name,
      LIKES_TABLE: outputs.likes_table_name,
    });
  });

  it('connects each service to its database as its own role, with IAM authentication and no password', () => {
    for (const [service, prefix] of [
      ['auth', 'auth_db'],
      ['monolith', 'app_db'],
    ] as const) {
      const pod = site.pod('Deployment', service);
      expect(pod.initContainers).toHaveLength(1);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        const url = new URL(String(env(container, 'DATABASE_URL')));
        expect([url.username, url.password, url.hostname, url.port, url.pathname]).toEqual([
          outputs[`${prefix}_service_role`],
          '',
          outputs[`${prefix}_endpoint`],
          String(outputs.db_port),
          `/${outputs[`${prefix}_name`]}`,
        ]);
        expect(url.searchParams.get('sslmode')).toBe('verify-full');
        expect(env(container, 'DATABASE_IAM_AUTH')).toBe('true');
      }
    }
  });

  it('has the database-roles Job create exactly those roles, with the master secrets of the outputs', () => {
    const job = site.pod('Job', 'database-roles');
    expect(
      job.containers.map((c) => [
        env(c, 'DATABASE_HOST'),
        env(c, 'DATABASE_NAME'),
        env(c, 'DATABASE_SERVICE_ROLE'),
        env(c, 'DATABASE_ADMIN_SECRET_ARN'),
      ]),
    ).toEqual([
      [outputs.auth_db_endpoint, outputs.auth_db_name, outputs.auth_db_service_role, outputs.auth_db_secret_arn],
      [outputs.app_db_endpoint, outputs.app_db_name, outputs.app_db_service_role, outputs.app_db_secret_arn],
    ]);
    expect(job.securityContext).toEqual(site.pod('Deployment', 'auth').securityContext);
  });

  it('lets the ALB and the databases in from the VPC range of the outputs', () => {
    expect(site.find('NetworkPolicy', 'alb-to-apps').spec?.ingress?.[0].from[0].ipBlock?.cidr).toBe(outputs.vpc_cidr);
    expect(site.find('NetworkPolicy', 'postgres').spec?.egress?.[0].to[0].ipBlock?.cidr).toBe(outputs.vpc_cidr);
  });

  it('reads exactly the Secrets the deploy creates, and holds no Secret and no Namespace (Terraform owns it)', () => {
    const read = new Map<string, Set<string>>();
    for (const { valueFrom } of site.containers.flatMap((c) => c.env ?? [])) {
      const ref = valueFrom?.secretKeyRef;
      if (ref) read.set(ref.name, (read.get(ref.name) ?? new Set()).add(ref.key));
    }
    const created = Object.entries(appSecrets()).map(([name, data]) => [name, Object.keys(data).sort()]);
    expect([...read].map(([name, keys]) => [name, [...keys].sort()]).sort()).toEqual(created.sort());
    expect(site.objects.filter((o) => ['Secret', 'Namespace'].includes(o.kind))).toEqual([]);
  });

  it('leaves no placeholder and no empty value', () => {
    expect(site.text).not.toMatch(PLACEHOLDERS);
    expect(site.containers.flatMap((c) => c.env ?? []).filter((e) => e.value === '')).toEqual([]);
  });

  it('runs no collector: observability is off unless its terraform outputs are set', () => {
    expect(site.objects.filter((o) => o.metadata.name.startsWith('otel-collector'))).toEqual([]);
  });

  if (outputs.domain_name !== null) {
    it('serves HTTPS with the certificate of the outputs, redirects HTTP, and names the domain for ExternalDNS', () => {
      const annotation = (key: string) => site.annotation('Ingress', 'mysfits', key);
      expect(annotation('alb.ingress.kubernetes.io/certificate-arn')).toBe(outputs.certificate_arn);
      expect(JSON.parse(annotation('alb.ingress.kubernetes.io/listen-ports') ?? 'null')).toEqual([
        { HTTP: 80 },
        { HTTPS: 443 },
      ]);
      expect(annotation('alb.ingress.kubernetes.io/ssl-redirect')).toBe('443');
      expect(annotation('external-dns.alpha.kubernetes.io/hostname')).toBe(outputs.domain_name);
    });
  } else {
    it('serves plain HTTP only: no certificate, no HTTPS listener, no redirect', () => {
      const annotations = site.find('Ingress', 'mysfits').metadata.annotations ?? {};
      expect(JSON.parse(annotations['alb.ingress.kubernetes.io/listen-ports'])).toEqual([{ HTTP: 80 }]);
      expect(Object.keys(annotations).filter((key) => /certificate|ssl-|external-dns/.test(key))).toEqual([]);
    });
  }
});

describe('the overlay with observability_enabled, rendered by kubectl kustomize', () => {
  const outputs = sampleOutputs(withObservability);
  const site = render(outputs);
  const ADOT_IMAGE = /^public\.ecr\.aws\/aws-observability\/aws-otel-collector:v[\d.]+$/;

  it("adds k8s/components/observability's collector, from the public ADOT image, beside the apps from ECR", () => {
    const [collector, ...apps] = [
      site.pod('Deployment', 'otel-collector').containers,
      ...['auth', 'monolith', 'like'].map((app) => site.pod('Deployment', app).containers),
    ];
    expect(collector.map((c) => c.image)).toEqual([expect.stringMatching(ADOT_IMAGE)]);
    for (const { image } of apps.flat()) {
      expect(Object.values(outputs.ecr_repository_urls)).toContain(image.split(/:(?=[^:]+$)/)[0]);
    }
  });

  it("gives the collector the outputs' role, region and Prometheus workspace, and the apps its OTLP endpoint", () => {
    expect(site.annotation('ServiceAccount', 'otel-collector', 'eks.amazonaws.com/role-arn')).toBe(
      outputs.collector_role_arn,
    );
    expect(site.configMap('otel-collector-settings')).toEqual({
      AWS_REGION: outputs.region,
      AMP_REMOTE_WRITE_URL: outputs.prometheus_remote_write_url,
    });
    expect(site.configMap('mysfits-config').OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
  });

  it('leaves no placeholder of the component', () => {
    expect(site.text).not.toMatch(PLACEHOLDERS);
  });
});

describe('the overlay, given outputs it cannot use', () => {
  const inputs = (outputs: DeployOutputs) => ({
    outputs,
    tag: SAMPLE_TAG,
    overlayDir: '/tmp/overlay',
    repoRoot: process.cwd(),
  });

  it('names the missing repository', () => {
    const outputs = sampleOutputs(
      (document) => delete (document.ecr_repository_urls.value as Record<string, string>).like,
    );
    expect(() => environmentKustomization(inputs(outputs))).toThrow(
      new DeployError('terraform output ecr_repository_urls has no entry "like"'),
    );
  });

  it('refuses half the observability outputs', () => {
    const outputs = sampleOutputs((document) => {
      withObservability(document);
      delete document.prometheus_remote_write_url;
    });
    expect(() => environmentKustomization(inputs(outputs))).toThrow(
      new DeployError(
        'terraform outputs collector_role_arn and prometheus_remote_write_url are not both set: run terraform apply again',
      ),
    );
  });

  it('refuses a namespace other than the one k8s/base deploys to', () => {
    const outputs = sampleOutputs((document) => (document.k8s_namespace.value = 'shop'));
    expect(() => environmentKustomization(inputs(outputs))).toThrow(
      'terraform output k8s_namespace is "shop", but k8s/base deploys to "mysfits"',
    );
  });
});
