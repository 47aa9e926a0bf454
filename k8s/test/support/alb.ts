import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IHTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1/HTTPIngressPath';
import type { K8sObject, Manifests } from './manifests';
import { annotation } from './rule';

export const ALB = 'alb.ingress.kubernetes.io/';

type Ingress = IIngress & K8sObject;

export function ingressPaths(ingress: IIngress): IHTTPIngressPath[] {
  return (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
}

/** The Services the Ingress forwards to (not the `use-annotation` actions). */
export function backendServices(ingress: IIngress): string[] {
  const names = ingressPaths(ingress)
    .filter((p) => p.backend.service?.port?.name !== 'use-annotation')
    .flatMap((p) => (p.backend.service ? [p.backend.service.name] : []));
  return [...new Set(names)];
}

/** A target group setting: the Service's annotation wins over the Ingress's, as in the controller. */
export function targetGroupAnnotation(m: Manifests, ingress: Ingress, service: string, key: string) {
  const svc = m.find('Service', service);
  return (svc && annotation(svc, ALB + key)) ?? annotation(ingress, ALB + key);
}

/**
 * Where the ALB sends a request path: `action:<name>` for an annotation action, else the Service name;
 * undefined when no rule matches. Mirrors the AWS Load Balancer Controller: one listener rule per path,
 * prioritised Exact first, then Prefix longest first, then ImplementationSpecific in written order;
 * Prefix /p becomes the patterns /p and /p/*; ALB patterns are case-sensitive globs (* and ?).
 */
export function route(ingress: IIngress, requestPath: string): string | undefined {
  const paths = ingressPaths(ingress);
  const byType = (type: string) => paths.filter((p) => (p.pathType ?? 'ImplementationSpecific') === type);
  const ordered = [
    ...byType('Exact'),
    ...byType('Prefix').sort((a, b) => (b.path ?? '').length - (a.path ?? '').length),
    ...byType('ImplementationSpecific'),
  ];
  const hit = ordered.find((p) => patterns(p).some((pattern) => glob(pattern).test(requestPath)));
  const service = hit?.backend.service;
  if (!service) return undefined;
  return service.port?.name === 'use-annotation' ? `action:${service.name}` : service.name;
}

function patterns(p: IHTTPIngressPath): string[] {
  const path = p.path ?? '/*';
  if (p.pathType !== 'Prefix') return [path];
  if (path === '/') return ['/*'];
  const trimmed = path.replace(/\/$/, '');
  return [trimmed, `${trimmed}/*`];
}

function glob(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}
