import { isEmptySelector } from './labels';
import type { Manifests } from './manifests';
import { VPC_CIDR } from './mysfits';
import { address, allows, type Endpoint, type Flow, nthAddress, type Pod, podsOf } from './network';
import type { Rule } from './rule';

const KUBE_DNS: Pod = {
  kind: 'pod',
  name: 'kube-dns',
  namespace: 'kube-system',
  namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
  labels: { 'k8s-app': 'kube-dns' },
  ports: [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ],
};

function flow(from: Endpoint, to: Endpoint, port: number | string, protocol: 'TCP' | 'UDP' = 'TCP'): Flow {
  return { from, to, port, protocol };
}

/** The connections the system needs, and some it must never get. */
export function expectedFlows(m: Manifests): { allowed: Flow[]; denied: Flow[] } {
  const [auth, monolith, like] = ['auth', 'monolith', 'like'].map((app) => podsOf(m, app));
  const databaseRoles = podsOf(m, 'database-roles', 'Job');
  const apps = [auth, monolith, like];
  const alb = address('the ALB', nthAddress(VPC_CIDR, 10));
  const rds = address('RDS', nthAddress(VPC_CIDR, 20));
  // DynamoDB, STS (the IRSA token exchange) and Secrets Manager: public AWS ranges, or VPC endpoints. A
  // NetworkPolicy cannot tell them apart; IAM decides who may call what.
  const dynamodb = address('DynamoDB', '52.94.0.10');
  const sts = address('STS', '54.239.29.25');
  const internet = address('the internet', '203.0.113.10');
  const foreignLike: Pod = { ...like, name: 'a like-labelled pod in another namespace', namespace: 'other' };
  return {
    allowed: [
      ...apps.map((app) => flow(alb, app, 'http')),
      // The ALB's health checks, on the management port.
      ...apps.map((app) => flow(alb, app, 'admin')),
      flow(like, monolith, 'http'),
      flow(like, auth, 'http'),
      flow(like, auth, 'grpc'),
      flow(monolith, auth, 'http'),
      flow(monolith, auth, 'grpc'),
      ...apps.flatMap((app) => [flow(app, KUBE_DNS, 53, 'UDP'), flow(app, KUBE_DNS, 53, 'TCP')]),
      flow(auth, rds, 5432),
      flow(monolith, rds, 5432),
      flow(monolith, dynamodb, 443),
      flow(auth, sts, 443),
      flow(monolith, sts, 443),
      flow(databaseRoles, rds, 5432),
      flow(databaseRoles, sts, 443),
      flow(databaseRoles, KUBE_DNS, 53, 'UDP'),
    ],
    denied: [
      flow(internet, monolith, 'http'),
      flow(internet, monolith, 'admin'),
      flow(like, monolith, 'admin'),
      flow(alb, auth, 'grpc'),
      flow(foreignLike, auth, 'grpc'),
      flow(auth, monolith, 'http'),
      flow(auth, like, 'http'),
      flow(monolith, like, 'http'),
      flow(like, rds, 5432),
      flow(like, dynamodb, 443),
      flow(like, sts, 443),
      flow(monolith, internet, 80),
      flow(databaseRoles, auth, 'http'),
      flow(alb, databaseRoles, 80),
      flow(monolith, rds, 22),
    ],
  };
}

function describe({ from, to, port, protocol }: Flow): string {
  return `${from.name} -> ${to.name}:${port}/${protocol}`;
}

export const networkPolicies: Rule = {
  id: 'network-policies',
  description: 'default deny, then only the flows the apps need (ALB, app to app, DNS, RDS, AWS APIs)',
  check(m) {
    const policies = m.ofKind('NetworkPolicy');
    const defaultDeny = policies.some(
      (p) =>
        isEmptySelector(p.spec?.podSelector) &&
        (['Ingress', 'Egress'] as const).every((t) => p.spec?.policyTypes?.includes(t)) &&
        !p.spec?.ingress?.length &&
        !p.spec?.egress?.length,
    );
    const { allowed, denied } = expectedFlows(m);
    return [
      ...(defaultDeny ? [] : ['no default-deny policy for both ingress and egress']),
      ...allowed.filter((f) => !allows(policies, f)).map((f) => `${describe(f)} is blocked`),
      ...denied.filter((f) => allows(policies, f)).map((f) => `${describe(f)} is let through`),
    ];
  },
};
