import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

/** The kinds the checker reads, with their typed shape. */
export interface KindMap {
  ConfigMap: IConfigMap;
  Deployment: IDeployment;
  HorizontalPodAutoscaler: IHorizontalPodAutoscaler;
  Ingress: IIngress;
  Job: IJob;
  Namespace: INamespace;
  NetworkPolicy: INetworkPolicy;
  PodDisruptionBudget: IPodDisruptionBudget;
  Service: IService;
  ServiceAccount: IServiceAccount;
}

export function renderKustomization(dir: string): K8sObject[] {
  return parseManifests(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }));
}

export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) throw doc.errors[0];
    const value: unknown = doc.toJS();
    return value === null ? [] : [value as K8sObject];
  });
}

/** A rendered set of objects, with typed look-ups. */
export class Manifests {
  constructor(readonly objects: K8sObject[]) {}

  ofKind<K extends keyof KindMap>(kind: K): Array<KindMap[K] & K8sObject> {
    return this.objects.filter((o) => o.kind === kind) as Array<KindMap[K] & K8sObject>;
  }

  find<K extends keyof KindMap>(kind: K, name: string): (KindMap[K] & K8sObject) | undefined {
    return this.ofKind(kind).find((o) => o.metadata.name === name);
  }

  get deployments(): Array<IDeployment & K8sObject> {
    return this.ofKind('Deployment');
  }

  /** The Deployments whose pods a label selector (a Service's, a PDB's...) picks. */
  deploymentsSelectedBy(selector: Record<string, string> | undefined): Array<IDeployment & K8sObject> {
    if (!selector || Object.keys(selector).length === 0) return [];
    return this.deployments.filter((d) => labelsMatch(podLabels(d), selector));
  }
}

/** A workload's pods: a Deployment's or a Job's. */
export function podSpec(d: IDeployment | IJob): IPodSpec {
  const spec = d.spec?.template.spec;
  if (!spec) throw new Error(`${d.kind} ${d.metadata?.name} has no pod spec`);
  return spec;
}

export function podLabels(d: IDeployment | IJob): Record<string, string> {
  return d.spec?.template.metadata?.labels ?? {};
}

/** Every container of the pod: init containers first, then the app containers. */
export function allContainers(d: IDeployment): IContainer[] {
  const spec = podSpec(d);
  return [...(spec.initContainers ?? []), ...spec.containers];
}

export function labelsMatch(labels: Record<string, string>, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([k, v]) => labels[k] === v);
}
