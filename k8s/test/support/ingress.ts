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

export const albIngress: Rule = {
  id: 'alb-ingress',
  description: 'one ALB Ingress: HTTPS with an ACM certificate, redirect, TLS 1.2+, no invalid headers, health checks',
  check: (m) =>
    withTheIngress(m, (ingress) => {
      const get = (key: string) => annotation(ingress, ALB + key) ?? '';
      const listeners = JSON.parse(get('listen-ports') || '[]') as Array<Record<string, number>>;
      const attributes = parseAttributes(get('load-balancer-attributes'));
      const checks: Array<[ok: boolean, problem: string]> = [
        [ingress.spec?.ingressClassName === 'alb', `ingressClassName is ${ingress.spec?.ingressClassName}, not alb`],
        [CERTIFICATE_ARN.test(get('certificate-arn')), 'no ACM certificate-arn'],
        [listeners.some((l) => l.HTTPS === 443), 'no HTTPS listener on 443'],
        [get('ssl-redirect') === '443', 'HTTP is not redirected to HTTPS (ssl-redirect)'],
        [TLS12_POLICY.test(get('ssl-policy')), `ssl-policy "${get('ssl-policy')}" allows less than TLS 1.2`],
        [
          attributes.get('routing.http.drop_invalid_header_fields.enabled') === 'true',
          'the ALB does not drop invalid header fields',
        ],
        ...backendServices(ingress).map((service): [boolean, string] => {
          const path = targetGroupAnnotation(m, ingress, service, 'healthcheck-path');
          return [path === READY_PATH, `Service/${service}: ALB health check path is ${path}, not ${READY_PATH}`];
        }),
      ];
      return checks.filter(([ok]) => !ok).map(([, problem]) => problem);
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

export const INGRESS_RULES = [albIngress, albRouting];
