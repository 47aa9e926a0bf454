import * as path from 'node:path';
import { Manifests, renderKustomization } from './manifests';

export const K8S_DIR = path.resolve(__dirname, '../..');

/** The deployable overlays, and the rules each one is exempt from, with the reason. */
export const OVERLAYS: Record<string, Record<string, string>> = {
  eks: {},
  kind: {
    'alb-ingress': 'no ALB locally; the apps are reached with kubectl port-forward',
    'alb-routing': 'no ALB locally',
    'deregistration-delay': 'no ALB target groups locally',
    'cpu-autoscaling': 'kind has no metrics server by default; replicas stay at 2',
    irsa: 'no IAM locally',
    'no-aws-keys': 'DynamoDB Local takes a dummy key pair from the local Secret',
    'network-policies': 'no VPC locally, and kind only enforces policies from v0.24 on',
  },
};

const rendered = new Map<string, Manifests>();

/** The overlay's rendered manifests; each call returns a fresh copy that a test may change. */
export function overlay(name: string): Manifests {
  if (!rendered.has(name)) rendered.set(name, new Manifests(renderKustomization(path.join(K8S_DIR, 'overlays', name))));
  return new Manifests(structuredClone(rendered.get(name)!.objects));
}
