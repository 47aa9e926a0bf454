import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  renderEnvironment,
  sampleOutputs,
  withObservability,
  withoutDomain,
} from '../../../tools/deploy/test/sample-environment';
import { Manifests, parseManifests, renderKustomization, type K8sObject } from './manifests';

export const K8S_DIR = path.resolve(__dirname, '../..');

/**
 * The deployable overlays, and the rules each one is exempt from, with the reason. The EKS ones are
 * what the deploy command writes from a sample `terraform output -json` (tools/deploy/test), with and
 * without a domain name.
 */
export const OVERLAYS: Record<string, Record<string, string>> = {
  eks: {},
  'eks-plain-http': {
    'alb-tls': 'no domain name, so no certificate: plain HTTP on the ALB (components/plain-http)',
  },
  kind: {
    'alb-ingress': 'no ALB locally; the apps are reached with kubectl port-forward',
    'alb-tls': 'no ALB locally',
    'alb-routing': 'no ALB locally',
    'deregistration-delay': 'no ALB target groups locally',
    'cpu-autoscaling': 'kind has no metrics server by default; replicas stay at 2',
    irsa: 'no IAM locally',
    'no-aws-keys': 'DynamoDB Local takes a dummy key pair from the local Secret',
    'network-policies': 'no VPC locally, and kind only enforces policies from v0.24 on',
  },
};

/**
 * On EKS Terraform creates the namespace, from base/namespace.yaml (terraform/envs/dev/main.tf reads that
 * file), so the overlay leaves it out; the rules see it as the cluster will have it.
 */
function terraformNamespace(): K8sObject[] {
  return parseManifests(readFileSync(path.join(K8S_DIR, 'base', 'namespace.yaml'), 'utf8'));
}

const RENDER: Record<string, () => K8sObject[]> = {
  eks: () => [...terraformNamespace(), ...parseManifests(renderEnvironment(sampleOutputs()))],
  'eks-plain-http': () => [...terraformNamespace(), ...parseManifests(renderEnvironment(sampleOutputs(withoutDomain)))],
  kind: () => renderKustomization(path.join(K8S_DIR, 'overlays', 'kind')),
};

/**
 * The EKS overlay the deploy writes when Terraform has observability_enabled: with the collector of
 * components/observability, which keeps the rules of test/observability.spec.ts rather than the apps' rules.
 */
export function eksWithObservability(): Manifests {
  return new Manifests([
    ...terraformNamespace(),
    ...parseManifests(renderEnvironment(sampleOutputs(withObservability))),
  ]);
}

const rendered = new Map<string, Manifests>();

/** The overlay's rendered manifests; each call returns a fresh copy that a test may change. */
export function overlay(name: string): Manifests {
  if (!rendered.has(name)) rendered.set(name, new Manifests(RENDER[name]()));
  return new Manifests(structuredClone(rendered.get(name)!.objects));
}
