import { parseAllDocuments } from 'yaml';

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface FixedResponse {
  statusCode: number;
  contentType: string;
  messageBody: string;
}

export type RouteTarget = { kind: 'service'; service: string } | { kind: 'fixed-response'; response: FixedResponse };

export interface Route {
  pathType: PathType;
  path: string;
  target: RouteTarget;
  matches(path: string): boolean;
}

interface IngressPath {
  path?: string;
  pathType: PathType;
  backend: { service: { name: string; port: { name?: string; number?: number } } };
}

interface Ingress {
  kind: string;
  metadata: { annotations?: Record<string, string> };
  spec: { rules?: { host?: string; http?: { paths: IngressPath[] } }[] };
}

const ACTION_ANNOTATION = 'alb.ingress.kubernetes.io/actions.';
const PATH_TYPE_ORDER: Record<PathType, number> = { Exact: 0, Prefix: 1, ImplementationSpecific: 2 };

/**
 * Reads the routes of an AWS Load Balancer Controller Ingress in the order the controller writes
 * its ALB listener rules: Exact paths first, then Prefix paths longest first, then
 * ImplementationSpecific paths in the order written. Backends named by an `actions.<name>` annotation
 * become that action (only fixed responses are supported).
 */
export function routesFromIngress(manifest: string): Route[] {
  const ingresses = parseAllDocuments(manifest)
    .map((document) => document.toJS() as Ingress | null)
    .filter((object): object is Ingress => object?.kind === 'Ingress');
  if (ingresses.length !== 1) throw new Error(`Expected exactly one Ingress, found ${ingresses.length}`);
  const [ingress] = ingresses;
  const annotations = ingress.metadata.annotations ?? {};

  const paths = (ingress.spec.rules ?? []).flatMap((rule) => {
    if (rule.host) throw new Error(`Host rules are not supported by the local gateway (${rule.host})`);
    return rule.http?.paths ?? [];
  });
  const routes = paths.map((path) => toRoute(path, annotations));
  return routes
    .map((route, index) => ({ route, index }))
    .sort((a, b) => compareRoutes(a.route, b.route) || a.index - b.index)
    .map(({ route }) => route);
}

function compareRoutes(a: Route, b: Route): number {
  const byType = PATH_TYPE_ORDER[a.pathType] - PATH_TYPE_ORDER[b.pathType];
  if (byType !== 0) return byType;
  return a.pathType === 'Prefix' ? b.path.length - a.path.length : 0;
}

function toRoute(entry: IngressPath, annotations: Record<string, string>): Route {
  const path = entry.path ?? '/';
  const service = entry.backend.service;
  const action = annotations[`${ACTION_ANNOTATION}${service.name}`];
  const target: RouteTarget =
    service.port.name === 'use-annotation'
      ? { kind: 'fixed-response', response: fixedResponse(service.name, action) }
      : { kind: 'service', service: service.name };
  return { pathType: entry.pathType, path, target, matches: matcher(entry.pathType, path) };
}

function fixedResponse(name: string, action: string | undefined): FixedResponse {
  if (!action) throw new Error(`Backend ${name} uses an annotation action, but ${ACTION_ANNOTATION}${name} is missing`);
  const parsed = JSON.parse(action) as {
    type: string;
    fixedResponseConfig?: { statusCode: string; contentType?: string; messageBody?: string };
  };
  if (parsed.type !== 'fixed-response' || !parsed.fixedResponseConfig) {
    throw new Error(`Action ${name}: only fixed-response actions are supported by the local gateway`);
  }
  const config = parsed.fixedResponseConfig;
  return {
    statusCode: Number(config.statusCode),
    contentType: config.contentType ?? 'text/plain',
    messageBody: config.messageBody ?? '',
  };
}

/** Path matching as the ALB does it: case-sensitive, on the path only, `*` any characters and `?` one. */
function matcher(pathType: PathType, path: string): (candidate: string) => boolean {
  switch (pathType) {
    case 'Exact':
      return (candidate) => candidate === path;
    case 'Prefix': {
      // Element-wise, as Kubernetes defines it: /auth matches /auth and /auth/x, not /authx.
      const base = path.replace(/\/+$/, '');
      return (candidate) => base === '' || candidate === base || candidate.startsWith(`${base}/`);
    }
    case 'ImplementationSpecific': {
      const pattern = path
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
      const regex = new RegExp(`^${pattern}$`);
      return (candidate) => regex.test(candidate);
    }
  }
}
