import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { ALB, backendServices, route, targetGroupAnnotation } from './alb';
import type { K8sObject, Manifests } from './manifests';
import { READY_PATH, ROUTES } from './mysfits';
import { annotation, parseAttributes, type Rule } from './rule';

const CERTIFICATE_ARN = /^arn:aws[\w-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/;
/** ALB security policies that refuse anything below TLS 1.2. */
const TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-2|TLS-1-2|FS-1-2)/;

function withTheIngress(m: Manifests, check: (ingress: IIngress & K8sObject) => string[]): string[] {
  const ingresses = m.ofKind('Ingress');
  return ingresses.length === 1 ? check(ingresses[0]) : [`expected one Ingress, found ${ingresses.length}`];
}

type Check = [ok: boolean, problem: string];

const problems = (checks: Check[]) => checks.filter(([ok]) => !ok).map(([, problem]) => problem);

function listeners(ingress: IIngress & K8sObject): Array<Record<string, number>> {
  return JSON.parse(annotation(ingress, `${ALB}listen-ports`) || '[]') as Array<Record<string, number>>;
}

export const albIngress: Rule = {
  id: 'alb-ingress',
  description: 'one ALB Ingress: no invalid headers, health checks on the readiness path',
  check: (m) =>
    withTheIngress(m, (ingress) => {
      const get = (key: string) => annotation(ingress, ALB + key) ?? '';
      const attributes = parseAttributes(get('load-balancer-attributes'));
      return problems([
        [ingress.spec?.ingressClassName === 'alb', `ingressClassName is ${ingress.spec?.ingressClassName}, not alb`],
        [
          attributes.get('routing.http.drop_invalid_header_fields.enabled') === 'true',
          'the ALB does not drop invalid header fields',
        ],
        ...backendServices(ingress).map((service): [boolean, string] => {
          const path = targetGroupAnnotation(m, ingress, service, 'healthcheck-path');
          return [path === READY_PATH, `Service/${service}: ALB health check path is ${path}, not ${READY_PATH}`];
        }),
      ]);
    }),
};

export const albTls: Rule = {
  id: 'alb-tls',
  description: 'HTTPS with an ACM certificate, HTTP redirected to it, TLS 1.2 or later',
  check: (m) =>
    withTheIngress(m, (ingress) => {
      const get = (key: string) => annotation(ingress, ALB + key) ?? '';
      return problems([
        [CERTIFICATE_ARN.test(get('certificate-arn')), 'no ACM certificate-arn'],
        [listeners(ingress).some((l) => l.HTTPS === 443), 'no HTTPS listener on 443'],
        [get('ssl-redirect') === '443', 'HTTP is not redirected to HTTPS (ssl-redirect)'],
        [TLS12_POLICY.test(get('ssl-policy')), `ssl-policy "${get('ssl-policy')}" allows less than TLS 1.2`],
      ]);
    }),
};

interface ActionConfig {
  type?: string;
  fixedResponseConfig?: { statusCode?: string };
}

export const albRouting: Rule = {
  id: 'alb-routing',
  description: 'in the order the controller evaluates the rules, each path reaches the right backend',
  check: (m) =>
    withTheIngress(m, (ingress) => {
      const violations = ROUTES.flatMap(([path, expected]) => {
        const actual = route(ingress, path);
        return actual === expected ? [] : [`${path} goes to ${actual ?? 'no rule'}, not ${expected}`];
      });
      const actions = new Set(ROUTES.map(([, target]) => target).filter((t) => t.startsWith('action:')));
      for (const action of actions) {
        const name = action.slice('action:'.length);
        const config = JSON.parse(annotation(ingress, `${ALB}actions.${name}`) ?? '{}') as ActionConfig;
        if (config.type !== 'fixed-response' || config.fixedResponseConfig?.statusCode !== '404') {
          violations.push(`action ${name} is not a fixed 404 response`);
        }
      }
      return violations;
    }),
};

export const INGRESS_RULES = [albIngress, albTls, albRouting];
