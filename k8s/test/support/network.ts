import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import { selects } from './labels';
import { type K8sObject, type Manifests, podLabels, podSpec } from './manifests';

export interface Pod {
  kind: 'pod';
  name: string;
  namespace: string;
  namespaceLabels: Record<string, string>;
  labels: Record<string, string>;
  ports: Array<{ name?: string; containerPort: number; protocol?: string }>;
}

/** Anything outside the cluster: the ALB's interfaces, RDS, AWS APIs, the internet. */
export interface Address {
  kind: 'ip';
  name: string;
  ip: string;
}

export type Endpoint = Pod | Address;

/** A connection to a pod port (by name or number, after the Service has translated it) or to an address. */
export interface Flow {
  from: Endpoint;
  to: Endpoint;
  port: number | string;
  protocol: 'TCP' | 'UDP';
}

type Policy = INetworkPolicy & K8sObject;
type Direction = 'Ingress' | 'Egress';

/**
 * Whether the NetworkPolicies let a connection through: egress must be allowed at the source pod and
 * ingress at the destination pod, each by some policy that selects it when any does (the API's
 * semantics). Pod endpoints are matched by selectors only; the API leaves it to the network plugin
 * whether ipBlocks also match pod IPs.
 */
export function allows(policies: Policy[], flow: Flow): boolean {
  const port = typeof flow.port === 'number' ? flow.port : portOf(flow.to, flow.port);
  if (port === undefined) return false;
  const target = { port, protocol: flow.protocol, to: flow.to };
  const admits = (subject: Endpoint, direction: Direction, peer: Endpoint) =>
    subject.kind === 'ip' || admitted(policies, subject, direction, peer, target);
  return admits(flow.from, 'Egress', flow.to) && admits(flow.to, 'Ingress', flow.from);
}

interface Target {
  port: number;
  protocol: string;
  to: Endpoint;
}

function admitted(policies: Policy[], pod: Pod, direction: Direction, peer: Endpoint, target: Target): boolean {
  const isolating = policies.filter(
    (p) =>
      (p.metadata.namespace ?? 'default') === pod.namespace &&
      selects(p.spec?.podSelector, pod.labels) &&
      policyTypes(p).includes(direction),
  );
  if (isolating.length === 0) return true;
  return isolating.some((p) => {
    const rules =
      direction === 'Ingress'
        ? (p.spec?.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
        : (p.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
    return rules.some((r) => peersMatch(r.peers, peer, pod.namespace) && portsMatch(r.ports, target));
  });
}

function policyTypes(p: Policy): string[] {
  return p.spec?.policyTypes ?? ['Ingress', ...(p.spec?.egress ? ['Egress'] : [])];
}

function peersMatch(peers: INetworkPolicyPeer[] | undefined, peer: Endpoint, policyNamespace: string): boolean {
  if (!peers || peers.length === 0) return true;
  return peers.some((p) => {
    if (p.ipBlock) {
      const { cidr, except = [] } = p.ipBlock;
      return peer.kind === 'ip' && inCidr(peer.ip, cidr) && !except.some((c) => inCidr(peer.ip, c));
    }
    if (peer.kind !== 'pod') return false;
    const inNamespace = p.namespaceSelector
      ? selects(p.namespaceSelector, peer.namespaceLabels)
      : peer.namespace === policyNamespace;
    return inNamespace && (!p.podSelector || selects(p.podSelector, peer.labels));
  });
}

function portsMatch(ports: INetworkPolicyPort[] | undefined, target: Target): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== target.protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') return target.port >= p.port && target.port <= (p.endPort ?? p.port);
    return portOf(target.to, p.port, target.protocol) === target.port;
  });
}

function portOf(endpoint: Endpoint, name: string, protocol = 'TCP'): number | undefined {
  if (endpoint.kind !== 'pod') return undefined;
  return endpoint.ports.find((p) => p.name === name && (p.protocol ?? 'TCP') === protocol)?.containerPort;
}

/** A Deployment's (or a Job's) pods as a flow endpoint. */
export function podsOf(m: Manifests, deployment: string, kind: 'Deployment' | 'Job' = 'Deployment'): Pod {
  const d = m.find(kind, deployment);
  if (!d) throw new Error(`no ${kind} ${deployment}`);
  const namespace = d.metadata.namespace ?? 'default';
  return {
    kind: 'pod',
    name: deployment,
    namespace,
    namespaceLabels: { ...m.find('Namespace', namespace)?.metadata.labels, 'kubernetes.io/metadata.name': namespace },
    labels: podLabels(d),
    ports: podSpec(d).containers.flatMap((c) => c.ports ?? []),
  };
}

export function address(name: string, ip: string): Address {
  return { kind: 'ip', name, ip };
}

function ipv4(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) {
    throw new Error(`not an IPv4 address: ${ip}`);
  }
  return parts.reduce((value, part) => value * 256 + part, 0);
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
}

/** The n-th address of a CIDR block. */
export function nthAddress(cidr: string, n: number): string {
  const value = ipv4(cidr.split('/')[0]) + n;
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
