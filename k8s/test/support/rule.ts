import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { allContainers, type K8sObject, type Manifests } from './manifests';

/** One requirement on a rendered set of manifests: `check` lists the violations, none when it holds. */
export interface Rule {
  id: string;
  description: string;
  check(m: Manifests): string[];
}

export function perDeployment(m: Manifests, check: (d: IDeployment & K8sObject) => string[]): string[] {
  return m.deployments.flatMap((d) => check(d).map((v) => `Deployment/${d.metadata.name}: ${v}`));
}

/** `check` on every container of every Deployment, init containers included. */
export function perContainer(m: Manifests, check: (c: IContainer, d: IDeployment) => string[]): string[] {
  return perDeployment(m, (d) => allContainers(d).flatMap((c) => check(c, d).map((v) => `container ${c.name}: ${v}`)));
}

export function annotation(o: K8sObject, key: string): string | undefined {
  return o.metadata.annotations?.[key];
}

/** Parses the ALB controller's `key=value,key=value` attribute annotations. */
export function parseAttributes(value: string | undefined): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const pair of (value ?? '').split(',')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key) attributes.set(key, rest.join('='));
  }
  return attributes;
}

/** Structural equality of plain manifest data (no prototype checks: objects may come from other realms). */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
