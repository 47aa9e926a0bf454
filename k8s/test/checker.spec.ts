import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { route } from './support/alb';
import { type K8sObject, type KindMap, Manifests, podSpec } from './support/manifests';
import { address, allows, inCidr, podsOf } from './support/network';
import { overlay } from './support/overlays';
import { parseQuantity } from './support/quantity';
import { RULES, ruleById } from './support/rules';
import { schemaErrors } from './support/schema';
import { unknownFields } from './support/strict-fields';

function get<K extends keyof KindMap>(m: Manifests, kind: K, name: string): KindMap[K] & K8sObject {
  const found = m.find(kind, name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
}
const pod = (m: Manifests, app: string): IPodSpec => podSpec(get(m, 'Deployment', app));
const app = (m: Manifests, name: string): IContainer => pod(m, name).containers[0];
const migrate = (m: Manifests, name: string): IContainer => pod(m, name).initContainers![0];
function remove(m: Manifests, kind: string, name: string): void {
  const index = m.objects.findIndex((o) => o.kind === kind && o.metadata.name === name);
  if (index < 0) throw new Error(`no ${kind}/${name}`);
  m.objects.splice(index, 1);
}
const ALB = 'alb.ingress.kubernetes.io/';
const annotations = (m: Manifests, kind: keyof KindMap, name: string) => get(m, kind, name).metadata.annotations!;
const configData = (m: Manifests) => m.ofKind('ConfigMap')[0].data!;

describe('a bare Deployment, as a first draft would be, breaks every workload rule', () => {
  const bare = new Manifests([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'mysfits' } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'like', namespace: 'mysfits' },
      spec: {
        selector: { matchLabels: { app: 'like' } },
        template: {
          metadata: { labels: { app: 'like' } },
          spec: {
            containers: [
              {
                name: 'like',
                image: 'mysfits/like',
                ports: [{ name: 'http', containerPort: 3003, hostPort: 3003 }],
                env: [{ name: 'SERVICE_CLIENT_SECRET', value: 'hunter2' }],
              },
            ],
          },
        },
      },
    } as K8sObject,
  ]);

  it.each([
    ['restricted-namespace', 'Namespace mysfits does not enforce the restricted Pod Security Standard'],
    ['non-root', 'Deployment/like: container like: runAsNonRoot is not true'],
    ['no-privilege-escalation', 'Deployment/like: container like: allowPrivilegeEscalation is not false'],
    ['seccomp', 'Deployment/like: container like: seccompProfile is not RuntimeDefault'],
    ['read-only-root-filesystem', 'Deployment/like: container like: readOnlyRootFilesystem is not true'],
    ['host-isolation', 'Deployment/like: container like binds host port 3003'],
    ['no-api-token', 'Deployment/like: runs as the default ServiceAccount'],
    ['resources', 'Deployment/like: container like: requests no cpu'],
    ['probes', 'Deployment/like: container like has no startupProbe'],
    ['rolling-update', 'Deployment/like: strategy is not an explicit RollingUpdate'],
    ['graceful-shutdown', 'Deployment/like: container like has no preStop sleep'],
    ['readiness-gates', 'Deployment/like: its namespace lacks the label elbv2.k8s.aws/pod-readiness-gate-inject'],
    ['keep-alive', 'Deployment/like: container like gets no HTTP_KEEP_ALIVE_TIMEOUT_MS from a ConfigMap'],
    ['replicas', 'Deployment/like: runs 1 replica(s), fewer than 2'],
    ['cpu-autoscaling', 'Deployment/like: no HorizontalPodAutoscaler on CPU'],
    ['disruption-budget', 'Deployment/like: is covered by 0 PodDisruptionBudgets, not 1'],
    ['spread', 'Deployment/like: no topology spread over topology.kubernetes.io/zone selecting its own pods'],
    ['secrets-by-reference', 'Deployment/like: container like: SERVICE_CLIENT_SECRET does not come from a Secret'],
    ['alb-ingress', 'expected one Ingress, found 0'],
    ['deregistration-delay', 'no Ingress routes to the apps'],
  ])('%s: %s', (rule, violation) => {
    expect(ruleById(rule).check(bare)).toContainEqual(expect.stringContaining(violation));
  });
});

interface Breakage {
  rule: string;
  breakage: string;
  apply(m: Manifests): void;
  violation: string;
}

/** One small change to the eks manifests (as the deploy writes them) each, and the violation it must cause. */
const BREAKAGES: Breakage[] = [
  {
    rule: 'restricted-namespace',
    breakage: 'an object outside the namespace',
    apply: (m) => delete get(m, 'HorizontalPodAutoscaler', 'like').metadata.namespace,
    violation: 'HorizontalPodAutoscaler/like is in namespace (none)',
  },
  {
    rule: 'non-root',
    breakage: 'a uid below 10000',
    apply: (m) => (pod(m, 'auth').securityContext!.runAsUser = 1000),
    violation: 'Deployment/auth: container migrate: runAsUser 1000 is not a uid >= 10000',
  },
  {
    rule: 'non-root',
    breakage: 'an init container allowed to run as root',
    apply: (m) => (migrate(m, 'monolith').securityContext!.runAsNonRoot = false),
    violation: 'Deployment/monolith: container migrate: runAsNonRoot is not true',
  },
  {
    rule: 'no-privilege-escalation',
    breakage: 'allowPrivilegeEscalation left out',
    apply: (m) => delete app(m, 'like').securityContext!.allowPrivilegeEscalation,
    violation: 'Deployment/like: container like: allowPrivilegeEscalation is not false',
  },
  {
    rule: 'no-privilege-escalation',
    breakage: 'capabilities kept',
    apply: (m) => (app(m, 'like').securityContext!.capabilities = { drop: ['NET_RAW'] }),
    violation: 'Deployment/like: container like: does not drop ALL capabilities',
  },
  {
    rule: 'seccomp',
    breakage: 'no seccomp profile',
    apply: (m) => delete pod(m, 'auth').securityContext!.seccompProfile,
    violation: 'Deployment/auth: container auth: seccompProfile is not RuntimeDefault',
  },
  {
    rule: 'read-only-root-filesystem',
    breakage: 'a writable root filesystem',
    apply: (m) => delete app(m, 'monolith').securityContext!.readOnlyRootFilesystem,
    violation: 'Deployment/monolith: container monolith: readOnlyRootFilesystem is not true',
  },
  {
    rule: 'read-only-root-filesystem',
    breakage: 'no /tmp in the init container',
    apply: (m) => (migrate(m, 'auth').volumeMounts = []),
    violation: 'Deployment/auth: container migrate: has no emptyDir mounted at /tmp',
  },
  {
    rule: 'host-isolation',
    breakage: 'a hostPath volume',
    apply: (m) => pod(m, 'like').volumes!.push({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }),
    violation: 'Deployment/like: volume docker is hostPath',
  },
  {
    rule: 'no-api-token',
    breakage: 'the API token mounted',
    apply: (m) => (pod(m, 'monolith').automountServiceAccountToken = true),
    violation: 'Deployment/monolith: mounts the Kubernetes API token (automountServiceAccountToken is not false)',
  },
  {
    rule: 'resources',
    breakage: 'no ephemeral-storage limit on the init container',
    apply: (m) => delete migrate(m, 'auth').resources!.limits!['ephemeral-storage'],
    violation: 'Deployment/auth: container migrate: has no ephemeral-storage limit',
  },
  {
    rule: 'resources',
    breakage: 'a limit below the request',
    apply: (m) => (app(m, 'like').resources!.limits!.memory = '64Mi'),
    violation: 'Deployment/like: container like: memory limit 64Mi is below its request 192Mi',
  },
  {
    rule: 'probes',
    breakage: 'no liveness probe',
    apply: (m) => delete app(m, 'like').livenessProbe,
    violation: 'Deployment/like: container like has no livenessProbe',
  },
  {
    rule: 'probes',
    breakage: 'liveness checking the dependencies',
    apply: (m) => (app(m, 'auth').livenessProbe!.httpGet!.path = '/health/ready'),
    violation: 'Deployment/auth: container auth livenessProbe checks /health/ready, not /health/live',
  },
  {
    rule: 'probes',
    breakage: 'the startup probe a copy of the liveness probe',
    apply: (m) => (app(m, 'auth').startupProbe = structuredClone(app(m, 'auth').livenessProbe)),
    violation: 'Deployment/auth: container auth startup and liveness probes are the same',
  },
  {
    rule: 'rolling-update',
    breakage: 'maxUnavailable 1',
    apply: (m) => (get(m, 'Deployment', 'monolith').spec!.strategy!.rollingUpdate!.maxUnavailable = 1),
    violation: 'Deployment/monolith: maxUnavailable is 1, not 0',
  },
  {
    rule: 'graceful-shutdown',
    breakage: 'no preStop pause',
    apply: (m) => delete app(m, 'like').lifecycle,
    violation: 'Deployment/like: container like has no preStop sleep',
  },
  {
    rule: 'graceful-shutdown',
    breakage: 'the default 30 s grace period',
    apply: (m) => delete pod(m, 'like').terminationGracePeriodSeconds,
    violation: 'Deployment/like: terminationGracePeriodSeconds 30 is not above 35',
  },
  {
    rule: 'readiness-gates',
    breakage: 'no readiness gate injection',
    apply: (m) => delete get(m, 'Namespace', 'mysfits').metadata.labels!['elbv2.k8s.aws/pod-readiness-gate-inject'],
    violation: 'Deployment/auth: its namespace lacks the label elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
  },
  {
    rule: 'readiness-gates',
    breakage: 'instance targets for one Service',
    apply: (m) => (annotations(m, 'Service', 'like')[`${ALB}target-type`] = 'instance'),
    violation: 'Service/like: ALB target-type is instance, not ip',
  },
  {
    rule: 'deregistration-delay',
    breakage: 'the default deregistration delay',
    apply: (m) => delete annotations(m, 'Ingress', 'mysfits')[`${ALB}target-group-attributes`],
    violation: 'Service/auth: no explicit deregistration_delay.timeout_seconds',
  },
  {
    rule: 'deregistration-delay',
    breakage: 'a delay longer than the pods live',
    apply: (m) => {
      const attributes = 'deregistration_delay.timeout_seconds=300';
      annotations(m, 'Service', 'monolith')[`${ALB}target-group-attributes`] = attributes;
    },
    violation: "Service/monolith: deregistration delay 300 s outlasts the pods' 45 s",
  },
  {
    rule: 'keep-alive',
    breakage: 'a keep-alive timeout below the ALB idle timeout',
    apply: (m) => (configData(m).HTTP_KEEP_ALIVE_TIMEOUT_MS = '5000'),
    violation: 'container auth: HTTP_KEEP_ALIVE_TIMEOUT_MS 5000 is not above the ALB idle timeout 60000',
  },
  {
    rule: 'keep-alive',
    breakage: 'an ALB idle timeout raised past the keep-alive timeout',
    apply: (m) =>
      (annotations(m, 'Ingress', 'mysfits')[`${ALB}load-balancer-attributes`] = 'idle_timeout.timeout_seconds=120'),
    violation: 'container like: HTTP_KEEP_ALIVE_TIMEOUT_MS 65000 is not above the ALB idle timeout 120000',
  },
  {
    rule: 'replicas',
    breakage: 'replicas next to an HPA',
    apply: (m) => (get(m, 'Deployment', 'monolith').spec!.replicas = 3),
    violation: 'Deployment/monolith: sets replicas although an HPA owns the count',
  },
  {
    rule: 'replicas',
    breakage: 'a single auth replica',
    apply: (m) => (get(m, 'Deployment', 'auth').spec!.replicas = 1),
    violation: 'Deployment/auth: runs 1 replica(s), fewer than 2',
  },
  {
    rule: 'cpu-autoscaling',
    breakage: 'no HPA for like',
    apply: (m) => remove(m, 'HorizontalPodAutoscaler', 'like'),
    violation: 'Deployment/like: no HorizontalPodAutoscaler on CPU',
  },
  {
    rule: 'disruption-budget',
    breakage: 'a budget allowing two pods down',
    apply: (m) => (get(m, 'PodDisruptionBudget', 'auth').spec!.maxUnavailable = 2),
    violation: 'Deployment/auth: PodDisruptionBudget/auth is not maxUnavailable: 1',
  },
  {
    rule: 'spread',
    breakage: 'no host anti-affinity',
    apply: (m) => delete pod(m, 'monolith').affinity,
    violation: 'Deployment/monolith: no pod anti-affinity on kubernetes.io/hostname against its own pods',
  },
  {
    rule: 'spread',
    breakage: 'a zone spread counting another app',
    apply: (m) => {
      const [zoneSpread] = pod(m, 'like').topologySpreadConstraints!;
      zoneSpread.labelSelector = { matchLabels: { 'app.kubernetes.io/name': 'auth' } };
    },
    violation: 'Deployment/like: no topology spread over topology.kubernetes.io/zone selecting its own pods',
  },
  {
    rule: 'alb-tls',
    breakage: 'no certificate',
    apply: (m) => delete annotations(m, 'Ingress', 'mysfits')[`${ALB}certificate-arn`],
    violation: 'no ACM certificate-arn',
  },
  {
    rule: 'alb-tls',
    breakage: 'TLS 1.0 allowed',
    apply: (m) => (annotations(m, 'Ingress', 'mysfits')[`${ALB}ssl-policy`] = 'ELBSecurityPolicy-2016-08'),
    violation: 'ssl-policy "ELBSecurityPolicy-2016-08" allows less than TLS 1.2',
  },
  {
    rule: 'alb-ingress',
    breakage: 'invalid header fields passed on',
    apply: (m) =>
      (annotations(m, 'Ingress', 'mysfits')[`${ALB}load-balancer-attributes`] = 'idle_timeout.timeout_seconds=60'),
    violation: 'the ALB does not drop invalid header fields',
  },
  {
    rule: 'alb-ingress',
    breakage: 'the default health check path',
    apply: (m) => delete annotations(m, 'Service', 'like')[`${ALB}healthcheck-path`],
    violation: 'Service/like: ALB health check path is undefined, not /health/ready',
  },
  {
    rule: 'alb-routing',
    breakage: 'the catch-all as Prefix "/", which the controller puts before the like rule',
    apply: (m) => {
      const paths = get(m, 'Ingress', 'mysfits').spec!.rules![0].http!.paths;
      Object.assign(paths[paths.length - 1], { path: '/', pathType: 'Prefix' });
    },
    violation: '/mysfits/4e53920c/like goes to monolith, not like',
  },
  {
    rule: 'alb-routing',
    breakage: 'the catch-all written before the like rule',
    apply: (m) => get(m, 'Ingress', 'mysfits').spec!.rules![0].http!.paths.reverse(),
    violation: '/mysfits/4e53920c/fulfill-like goes to monolith, not action:internal-only',
  },
  {
    rule: 'irsa',
    breakage: 'no role on the monolith ServiceAccount',
    apply: (m) => (get(m, 'ServiceAccount', 'monolith').metadata.annotations = {}),
    violation: 'ServiceAccount/monolith: no IAM role ARN in eks.amazonaws.com/role-arn',
  },
  {
    rule: 'no-aws-keys',
    breakage: 'an access key from a Secret',
    apply: (m) =>
      app(m, 'monolith').env!.push({
        name: 'AWS_ACCESS_KEY_ID',
        valueFrom: { secretKeyRef: { name: 'aws', key: 'id' } },
      }),
    violation: 'Deployment/monolith: container monolith: sets AWS_ACCESS_KEY_ID',
  },
  {
    rule: 'no-aws-keys',
    breakage: 'a key ID in a ConfigMap',
    apply: (m) => (configData(m).NOTE = 'key AKIAIOSFODNN7EXAMPLE'),
    violation: 'holds an AWS key ID',
  },
  {
    rule: 'secrets-by-reference',
    breakage: 'a literal DATABASE_URL',
    apply: (m) => {
      const env = app(m, 'auth').env!.find((e) => e.name === 'DATABASE_URL')!;
      env.value = 'postgres://auth:hunter2@db/auth';
      delete env.valueFrom;
    },
    violation: 'Deployment/auth: container auth: DATABASE_URL does not come from a Secret',
  },
  {
    rule: 'secrets-by-reference',
    breakage: 'a literal DATABASE_URL without IAM authentication, whose password would have to be in it',
    apply: (m) => {
      const env = app(m, 'monolith').env!;
      env.splice(
        env.findIndex((e) => e.name === 'DATABASE_IAM_AUTH'),
        1,
      );
    },
    violation: 'Deployment/monolith: container monolith: DATABASE_URL does not come from a Secret',
  },
  {
    rule: 'secrets-by-reference',
    breakage: 'a committed Secret',
    apply: (m) => m.objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'like-secrets' } }),
    violation: 'Secret/like-secrets is part of the manifests',
  },
  {
    rule: 'network-policies',
    breakage: 'no default deny',
    apply: (m) => remove(m, 'NetworkPolicy', 'default-deny'),
    violation: 'no default-deny policy for both ingress and egress',
  },
  {
    rule: 'network-policies',
    breakage: 'like unable to reach auth',
    apply: (m) => remove(m, 'NetworkPolicy', 'like-to-auth-egress'),
    violation: 'like -> auth:grpc/TCP is blocked',
  },
  {
    rule: 'network-policies',
    breakage: 'the ALB allowed to every port',
    apply: (m) => delete get(m, 'NetworkPolicy', 'alb-to-apps').spec!.ingress![0].ports,
    violation: 'the ALB -> auth:grpc/TCP is let through',
  },
  {
    rule: 'network-policies',
    breakage: 'AWS APIs open to every app',
    apply: (m) => (get(m, 'NetworkPolicy', 'aws-apis').spec!.podSelector = {}),
    violation: 'like -> DynamoDB:443/TCP is let through',
  },
  {
    rule: 'migrations-first',
    breakage: 'no migrations',
    apply: (m) => delete pod(m, 'monolith').initContainers,
    violation: 'Deployment/monolith: no init container runs dist/apps/monolith/src/migrate.js',
  },
  {
    rule: 'migrations-first',
    breakage: 'migrations from another image',
    apply: (m) => (migrate(m, 'auth').image = 'mysfits/auth:old'),
    violation: 'Deployment/auth: migrations run another image',
  },
  {
    rule: 'management-port',
    breakage: 'the readiness probe on the API port',
    apply: (m) => (app(m, 'monolith').readinessProbe!.httpGet!.port = 'http'),
    violation: 'Deployment/monolith: container monolith: readinessProbe probes port http, not the management port 9002',
  },
  {
    rule: 'management-port',
    breakage: 'the ALB health check on the traffic port',
    apply: (m) => delete annotations(m, 'Service', 'like')[`${ALB}healthcheck-port`],
    violation: 'Service/like: ALB health check port is traffic-port, not the management port 9003',
  },
  {
    rule: 'management-port',
    breakage: 'the management port exposed by the Service the Ingress routes to',
    apply: (m) => get(m, 'Service', 'auth').spec!.ports!.push({ name: 'admin', port: 9001, targetPort: 'admin' }),
    violation: 'Service/auth: exposes the management port of auth (admin)',
  },
  {
    rule: 'management-port',
    breakage: 'ADMIN_PORT not matching any container port',
    apply: (m) => (app(m, 'like').env!.find((e) => e.name === 'ADMIN_PORT')!.value = '9999'),
    violation: 'Deployment/like: container like: ADMIN_PORT names none of its ports',
  },
  {
    rule: 'references-resolve',
    breakage: 'a misspelt ConfigMap key',
    apply: (m) => {
      const region = app(m, 'monolith').env!.find((e) => e.name === 'AWS_REGION')!;
      region.valueFrom!.configMapKeyRef!.key = 'AWS_REGON';
    },
    violation: 'no key AWS_REGON in ConfigMap',
  },
  {
    rule: 'references-resolve',
    breakage: 'a Service port aimed at no container port',
    apply: (m) => (get(m, 'Service', 'auth').spec!.ports![1].targetPort = 'rpc'),
    violation: 'Service/auth: target port rpc is not a port of its pods',
  },
];

describe('each rule catches a one-line breakage of the eks manifests', () => {
  it('covers every rule', () => {
    expect(new Set(BREAKAGES.map((b) => b.rule))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it.each(BREAKAGES)('$rule: $breakage', ({ rule, apply, violation }) => {
    const m = overlay('eks');
    expect(ruleById(rule).check(m)).toEqual([]);
    apply(m);
    expect(ruleById(rule).check(m)).toContainEqual(expect.stringContaining(violation));
  });
});

describe('building blocks', () => {
  it('validates objects against the schema, and only core kinds', () => {
    const deployment = structuredClone(get(overlay('eks'), 'Deployment', 'like'));
    (deployment.spec!.template.spec!.containers[0].ports![0] as { containerPort: unknown }).containerPort = '3003';
    expect(schemaErrors(deployment)).toEqual([expect.stringContaining('containerPort must be integer')]);
    const crd = { apiVersion: 'elbv2.k8s.aws/v1beta1', kind: 'TargetGroupBinding', metadata: { name: 'like' } };
    expect(schemaErrors(crd)).toEqual([expect.stringContaining('is not one of the core kinds')]);
  });

  it('finds fields the API would reject, which the schema lets through', () => {
    const deployment = structuredClone(get(overlay('eks'), 'Deployment', 'like'));
    Object.assign(deployment.spec!.template.spec!.containers[0].securityContext!, { readOnlyRootFileSystem: true });
    expect(schemaErrors(deployment)).toEqual([]);
    expect(unknownFields(deployment)).toEqual([
      'Deployment/like.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem',
    ]);
  });

  it('routes like the AWS Load Balancer Controller orders rules', () => {
    const ingress: IIngress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      spec: {
        rules: [
          {
            http: {
              paths: [
                { path: '/*', pathType: 'ImplementationSpecific', backend: { service: { name: 'rest' } } },
                { path: '/a', pathType: 'Prefix', backend: { service: { name: 'short' } } },
                { path: '/a/b', pathType: 'Prefix', backend: { service: { name: 'long' } } },
                { path: '/x', pathType: 'Exact', backend: { service: { name: 'exact' } } },
              ],
            },
          },
        ],
      },
    };
    expect(['/x', '/a', '/ab', '/a/b/c', '/a/c', '/z'].map((p) => route(ingress, p))).toEqual([
      'exact',
      'short',
      'rest',
      'long',
      'short',
      'rest',
    ]);
  });

  it('evaluates NetworkPolicies: isolation, peers and named ports', () => {
    const m = overlay('kind');
    const [like, auth] = [podsOf(m, 'like'), podsOf(m, 'auth')];
    const policy = (name: string, spec: object) =>
      ({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name, namespace: 'mysfits' },
        spec,
      }) as never;
    const denyAuthIngress = policy('deny', { podSelector: { matchLabels: auth.labels }, policyTypes: ['Ingress'] });
    const allowGrpc = policy('grpc', {
      podSelector: { matchLabels: auth.labels },
      ingress: [{ from: [{ podSelector: { matchLabels: like.labels } }], ports: [{ port: 'grpc' }] }],
    });
    const grpc = { from: like, to: auth, port: 'grpc', protocol: 'TCP' } as const;
    const http = { ...grpc, port: 'http' } as const;
    expect(allows([], http)).toBe(true);
    expect(allows([denyAuthIngress], grpc)).toBe(false);
    expect(allows([denyAuthIngress, allowGrpc], grpc)).toBe(true);
    expect(allows([denyAuthIngress, allowGrpc], http)).toBe(false);
    expect(allows([denyAuthIngress, allowGrpc], { ...grpc, from: address('outside', '10.0.0.1') })).toBe(false);
  });

  it('parses quantities and CIDR blocks', () => {
    expect([parseQuantity('250m'), parseQuantity('1'), parseQuantity('256Mi'), parseQuantity('1G')]).toEqual([
      0.25,
      1,
      256 * 2 ** 20,
      1e9,
    ]);
    expect(inCidr('10.0.255.1', '10.0.0.0/16')).toBe(true);
    expect(inCidr('10.1.0.1', '10.0.0.0/16')).toBe(false);
    expect(inCidr('8.8.8.8', '0.0.0.0/0')).toBe(true);
  });
});
